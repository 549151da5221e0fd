using NodaTime;
using Retention.Core.Diagnostics;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Dispatch;

/// <summary>Whether a nudge still needs a send: settled already, or no longer wanted (and why, in words without personal data).</summary>
internal static class DispatchEligibility
{
    // A message delivered a little before its time (clock skew between broker and host) is still due.
    private static readonly Duration EarlyTolerance = Duration.FromSeconds(5);

    /// <summary>Once the original of a reminder or escalation has one of these, the follow-up is no longer wanted.</summary>
    public static bool EndsFollowUps(NudgeStatus status) =>
        status is NudgeStatus.Acted or NudgeStatus.Dismissed or NudgeStatus.Snoozed || NudgeStatuses.Ended(status);

    /// <summary>The outcome for a nudge that needs no send in its current state, or null when it may be sent.</summary>
    public static DispatchOutcome? Settled(Nudge nudge, Instant now) => nudge.Status switch
    {
        NudgeStatus.Sent or NudgeStatus.Acted or NudgeStatus.Snoozed or NudgeStatus.Dismissed => new(DispatchResult.Duplicate, Detail: "already sent"),
        NudgeStatus.Failed => new(DispatchResult.Duplicate, Detail: "already failed"),
        NudgeStatus.Cancelled => new(DispatchResult.Skipped, Detail: "cancelled"),
        NudgeStatus.Skipped => new(DispatchResult.Skipped, Detail: "skipped"),
        NudgeStatus.Sending when DispatchGroup.IsLiveSending(nudge, now) => new(DispatchResult.Duplicate, nudge.NextAttemptAt, "being sent by another dispatcher"),
        NudgeStatus.Scheduled when nudge.NextAttemptAt is { } next && next > now + EarlyTolerance => new(DispatchResult.Duplicate, next, "not due yet"),
        _ => null,
    };

    /// <summary>Why a nudge that could be sent is no longer wanted (in words, and as one of <see cref="SkipCategories"/>), or null when it is.</summary>
    public static async Task<(string Reason, string Category)?> UnwantedBecauseAsync(
        INudgeStore nudges, UnsubscribeService unsubscribes, Nudge nudge, Enrollment enrollment, IReadOnlyList<Nudge> journey, CancellationToken cancellationToken)
    {
        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return (NudgeStatusReasons.NotActive(enrollment.Status.ToString().ToLowerInvariant()), SkipCategories.NotActive);
        }

        if (enrollment.Erased)
        {
            return ("personal data erased", SkipCategories.Erased);
        }

        if (nudge.Audience == Audience.Newcomer && !enrollment.Consent.NewcomerNudges)
        {
            return ("no newcomer consent", SkipCategories.NoConsent);
        }

        if (nudge.Audience == Audience.Hr && enrollment.HrContact is null)
        {
            return ("no HR contact", SkipCategories.NoHrContact);
        }

        // The last word on an unsubscribe: whichever enrolment planned this nudge, its address said no.
        if (await unsubscribes.ForAsync(enrollment, nudge.Audience, cancellationToken) is not null)
        {
            return (NudgeStatusReasons.Unsubscribed, SkipCategories.Unsubscribed);
        }

        if (nudge.FollowsUpNudgeId is { } originalId)
        {
            var original = journey.FirstOrDefault(n => n.Id == originalId)
                ?? await nudges.GetAsync(nudge.EmployerId, originalId, cancellationToken);
            if (original is not null && EndsFollowUps(original.Status))
            {
                return ("original nudge is " + original.Status, SkipCategories.FollowUpEnded);
            }
        }

        return null;
    }
}
