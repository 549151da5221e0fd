using System.Runtime.InteropServices;
using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>Turning placed dates into nudges: due instants in the recipient's zone, ids, message keys, order.</summary>
internal sealed partial class JourneyPlanBuilder
{
    private long[] _dueKeys = new long[64];

    private Nudge[] Materialize(Instant now)
    {
        var e = _enrollment;
        NudgeIdentity.Seed(_sha256, e.EmployerId, e.Id, _seed);
        var newcomerZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(e.Newcomer.TimeZone) ?? _policy.EmployerZone;
        var count = 0;
        var result = new Nudge[_items.Count];
        if (_dueKeys.Length < result.Length)
        {
            _dueKeys = new long[result.Length * 2];
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
            _dueKeys[count] = (dueAt.ToUnixTimeSeconds() << 20) + ((long)item.Audience << 18) + count;
            result[count++] = item.Nudge;
        }

        var sorted = new Nudge[count];
        var keys = _dueKeys.AsSpan(0, count);
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

        var local = date.At(time);
        if (TryMapAwayFromTransitions(local, zone, out var instant))
        {
            return instant;
        }

        var zoned = local.InZoneLeniently(zone);
        if (zoned.TimeOfDay != time)
        {
            zoned = date.At(_policy.WindowStart).InZoneLeniently(zone);
        }

        return zoned.ToInstant();
    }

    /// <summary>
    /// Maps a local time without allocating when no offset change lies within a day of it (almost always); the
    /// mapping is then unique and equals the lenient one. Near a transition the caller uses the lenient resolver.
    /// </summary>
    internal static bool TryMapAwayFromTransitions(LocalDateTime local, DateTimeZone zone, out Instant instant)
    {
        var asUtc = local.InUtc().ToInstant();
        instant = asUtc - Duration.FromSeconds(zone.GetUtcOffset(asUtc).Seconds);
        var interval = zone.GetZoneInterval(instant);
        var day = Duration.FromDays(1);
        return (!interval.HasStart || interval.Start <= instant - day)
            && (!interval.HasEnd || interval.End > instant + day)
            && asUtc - Duration.FromSeconds(interval.WallOffset.Seconds) == instant;
    }
}
