using System.Runtime.InteropServices;
using NodaTime;
using Retention.Core.Calendar;

namespace Retention.Core.Journeys;

/// <summary>Placement: working days only, merged per day, at most the weekly cap of messages per recipient and ISO week.</summary>
internal sealed partial class JourneyPlanBuilder
{
    private long[] _keys = new long[64];

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>
    /// Places items [from, to) in order of wished date, then definition order (earlier wishes get the room first);
    /// nudges that need local content come after all others, so one skipped for lack of content took no other
    /// nudge's room (<see cref="NudgeKinds.NeedsLocalContent"/>). The order is one primitive key per item, so no item
    /// moves and indices stay valid for follow-ups.
    /// </summary>
    private void PlaceAll(int from, int to)
    {
        var items = CollectionsMarshal.AsSpan(_items);
        if (to - from > _keys.Length)
        {
            _keys = new long[(to - from) * 2];
        }

        var keys = _keys.AsSpan(0, to - from);
        for (var i = from; i < to; i++)
        {
            var yields = NudgeKinds.NeedsLocalContent(items[i].Kind) ? 1L << 61 : 0L;
            keys[i - from] = yields + ((long)DayNumber(items[i].Target) << 40) + ((long)items[i].Order << 20) + i;
        }

        keys.Sort();
        foreach (var key in keys)
        {
            ref var item = ref items[(int)(key & 0xFFFFF)];
            item.Date = Place(item.Audience, item.Target);
        }
    }

    private LocalDate Place(Audience audience, LocalDate target)
    {
        var days = _days[(int)audience];
        var date = NorwegianCalendar.WorkingDayOnOrAfter(target);
        while (true)
        {
            var day = DayNumber(date);
            if (days.Contains(day))
            {
                return date;
            }

            if (days.CountInWeek(day - ((int)date.DayOfWeek - 1)) < _policy.WeeklyCap)
            {
                days.Add(day);
                return date;
            }

            date = NorwegianCalendar.NextWorkingDay(date);
        }
    }

    /// <summary>
    /// For each escalating ildsjel nudge in [from, to): an <paramref name="kind"/> for <paramref name="audience"/>
    /// a few working days after the nudge before it in the chain. Follow-ups point at the chain's original nudge.
    /// </summary>
    private void AddEscalations(int from, int to, string kind, Audience audience)
    {
        for (var i = from; i < to; i++)
        {
            var previous = _items[i];
            if (!previous.Escalate || previous.Dropped)
            {
                continue;
            }

            _items.Add(new PlannedNudge
            {
                Kind = kind,
                Audience = audience,
                Reason = previous.Reason,
                Order = previous.Order,
                Target = NorwegianCalendar.AddWorkingDays(previous.Date, _policy.EscalationWorkingDays),
                Escalate = audience == Audience.Ildsjel,
                Original = previous.Original >= 0 ? previous.Original : i,
            });
        }
    }
}
