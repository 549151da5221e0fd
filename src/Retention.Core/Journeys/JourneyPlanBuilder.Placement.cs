using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using Retention.Core.Calendar;

namespace Retention.Core.Journeys;

/// <summary>Placement: working days only, merged per day, at most the weekly cap of messages per recipient and ISO week.</summary>
internal sealed partial class JourneyPlanBuilder
{
    private long[] _keys = new long[64];
    private PlannedNudge[] _scratch = new PlannedNudge[64];

    private static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>Sorts items [from, to) by wished date (earlier wishes get the room first) and places each.</summary>
    private void PlaceAll(int from, int to)
    {
        var items = CollectionsMarshal.AsSpan(_items)[from..to];
        SortByTarget(items);
        foreach (ref var item in items)
        {
            item.Date = Place(item.Audience, item.Target);
        }
    }

    /// <summary>By wished date, then definition order, then position: packed into one long so the sort compares primitives.</summary>
    private void SortByTarget(Span<PlannedNudge> items)
    {
        if (items.Length > _keys.Length)
        {
            _keys = new long[items.Length * 2];
            _scratch = new PlannedNudge[items.Length * 2];
        }

        var keys = _keys.AsSpan(0, items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = ((long)DayNumber(items[i].Target) << 40) + ((long)items[i].Order << 20) + i;
        }

        keys.Sort();
        items.CopyTo(_scratch);
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _scratch[(int)(keys[i] & 0xFFFFF)];
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

    private Nudge[] Materialize(Instant now)
    {
        var e = _enrollment;
        NudgeIdentity.Seed(_sha256, e.EmployerId, e.Id, _seed);
        var newcomerZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.Newcomer.TimeZone) ?? _policy.EmployerZone;
        var count = 0;
        var result = new Nudge[_items.Count];
        if (_keys.Length < result.Length)
        {
            _keys = new long[result.Length * 2];
        }

        var items = CollectionsMarshal.AsSpan(_items);
        for (var i = 0; i < items.Length; i++)
        {
            ref var item = ref items[i];
            if (item.Dropped || (item.Original >= 0 && items[item.Original].Nudge is null))
            {
                continue;
            }

            // Before arrival the newcomer is still abroad; from arrival day on they are in Norway.
            var days = _days[(int)item.Audience];
            var slot = days.Slot(DayNumber(item.Date));
            var dueAt = days.DueAt(slot) ??= DueAt(
                item.Date, item.Audience, item.Audience == Audience.Newcomer && item.Date < e.ArrivalDate ? newcomerZone : _policy.EmployerZone);
            if (dueAt < now)
            {
                continue;
            }

            var followsUp = item.Original >= 0 ? items[item.Original].Nudge!.Id : null;
            item.Nudge = new Nudge
            {
                Id = NudgeIdentity.Id(_seed, item.Kind, item.Audience, item.Reason, dueAt, followsUp),
                EmployerId = e.EmployerId,
                EnrollmentId = e.Id,
                Kind = item.Kind,
                Audience = item.Audience,
                DueAt = dueAt,
                Reason = item.Reason,
                MessageKey = days.MessageKey(slot) ??= NudgeIdentity.MessageKey(e.Id, item.Audience, item.Date),
                FollowsUpNudgeId = followsUp,
                PlanRevision = e.PlanRevision,
            };
            // Due time, then audience, then planning position: one primitive key per nudge.
            _keys[count] = (dueAt.ToUnixTimeSeconds() << 20) + ((long)item.Audience << 18) + count;
            result[count++] = item.Nudge;
        }

        var sorted = new Nudge[count];
        var keys = _keys.AsSpan(0, count);
        keys.Sort();
        for (var i = 0; i < count; i++)
        {
            sorted[i] = result[(int)(keys[i] & 0x3FFFF)];
        }

        return sorted;
    }

    /// <summary>
    /// A time in the sending window on <paramref name="date"/> in <paramref name="zone"/>. The minute is fixed per
    /// enrolment and recipient, so merged nudges share it. Lenient mapping keeps it DST-safe; should a gap push
    /// the time out of the window, the window start is used.
    /// </summary>
    private Instant DueAt(LocalDate date, Audience audience, DateTimeZone zone)
    {
        var time = _policy.WindowStart;
        if (_policy.Spread)
        {
            var minutes = BitConverter.ToUInt32(_seed, 4 * (int)audience) % (uint)_policy.WindowMinutes;
            time = time.PlusMinutes((int)minutes);
        }

        var zoned = date.At(time).InZoneLeniently(zone);
        if (zoned.TimeOfDay != time)
        {
            zoned = date.At(_policy.WindowStart).InZoneLeniently(zone);
        }

        return zoned.ToInstant();
    }
}
