using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// The nudges whose whole point is local content (what is on, what a family can do) are not sent with an empty
/// promise: at send time, with no events in the window, or no family activities, they are skipped with the reason.
/// Municipal-service nudges are sent anyway; their templates fall back to a neutral text naming the municipality.
/// </summary>
public sealed class LocalContentCheck(IRegionalContentSource regional, RenderingOptions options)
{
    /// <summary>Why the nudge has nothing to say now, or null when it has (or needs no local content).</summary>
    public async ValueTask<string?> MissingAsync(Nudge nudge, Enrollment enrollment, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nudge);
        ArgumentNullException.ThrowIfNull(enrollment);
        if (!NudgeKinds.NeedsLocalContent(nudge.Kind))
        {
            return null;
        }

        await regional.EnsureFreshAsync(cancellationToken);
        var days = options.LocalEventsWindowDays;
        var local = regional.Find(enrollment.Municipality, new Interval(now, now + Duration.FromDays(days)));
        return nudge.Kind switch
        {
            NudgeKinds.LocalEvents when local.Events.Count == 0 && local.NearbyEvents.Count == 0 =>
                $"no local events in {enrollment.Municipality} in the next {days} days",
            NudgeKinds.FamilyActivities when local.FamilyActivities.Count == 0 => $"no family activities listed for {enrollment.Municipality}",
            _ => null,
        };
    }
}
