using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// One-click links: the token is the credential (signed, expiring, one nudge, one purpose). Looking at a link
/// changes nothing (mail scanners prefetch links); using it records the action once.
/// </summary>
public sealed class LinkActionService(
    IActionTokenSigner signer,
    IEnrollmentStore enrollments,
    INudgeStore nudges,
    CheckInService checkIns,
    JourneyChanges journeyChanges,
    RetentionClock clock)
{
    /// <summary>How long "snooze" puts a nudge off.</summary>
    public static Duration SnoozeFor { get; } = Duration.FromDays(7);

    public async Task<LinkActionResult> DescribeAsync(string token, CancellationToken cancellationToken)
    {
        if (!signer.TryVerify(token, clock.Now, out var verified))
        {
            return new LinkActionResult(LinkOutcome.InvalidToken);
        }

        var nudge = await nudges.GetAsync(verified.EmployerId, verified.NudgeId, cancellationToken);
        return nudge is null
            ? new LinkActionResult(LinkOutcome.Gone, verified.Action)
            : new LinkActionResult(LinkOutcome.Recorded, verified.Action, nudge.Kind, verified.Value);
    }

    /// <summary>Records the link's action. Check-in links take both answers (<paramref name="checkIn"/>), preset from the token.</summary>
    public async Task<LinkActionResult> ActAsync(string token, CheckInInput? checkIn, CancellationToken cancellationToken)
    {
        if (!signer.TryVerify(token, clock.Now, out var verified))
        {
            return new LinkActionResult(LinkOutcome.InvalidToken);
        }

        var nudge = await nudges.GetAsync(verified.EmployerId, verified.NudgeId, cancellationToken);
        var enrollment = nudge is null ? null : await enrollments.GetAsync(nudge.EmployerId, nudge.EnrollmentId, cancellationToken);
        if (nudge is null || enrollment is null || enrollment.Erased || nudge.Status is NudgeStatus.Cancelled or NudgeStatus.Failed)
        {
            return new LinkActionResult(LinkOutcome.Gone, verified.Action);
        }

        var result = new LinkActionResult(LinkOutcome.Recorded, verified.Action, nudge.Kind, verified.Value);
        return verified.Action switch
        {
            LinkAction.Done => await TransitionAsync(nudge, NudgeStatus.Acted, result, cancellationToken),
            LinkAction.Dismiss => await TransitionAsync(nudge, NudgeStatus.Dismissed, result, cancellationToken),
            LinkAction.Snooze => await SnoozeAsync(nudge, result, cancellationToken),
            LinkAction.Belonging or LinkAction.IntentToStay => await CheckInAsync(nudge, verified, checkIn, result, cancellationToken),
            LinkAction.Unsubscribe => await UnsubscribeAsync(enrollment, nudge, result, cancellationToken),
            _ => new LinkActionResult(LinkOutcome.InvalidToken),
        };
    }

    private async Task<LinkActionResult> TransitionAsync(Nudge nudge, NudgeStatus target, LinkActionResult result, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (nudge.Status == target || (nudge.Status is NudgeStatus.Acted or NudgeStatus.Dismissed && target != NudgeStatus.Snoozed))
            {
                return result with { Outcome = LinkOutcome.AlreadyRecorded };
            }

            if (nudge.Status is not (NudgeStatus.Sent or NudgeStatus.Snoozed))
            {
                // Not sent yet (or mid-send): a link cannot act on it.
                return result with { Outcome = LinkOutcome.Gone };
            }

            var now = clock.Now;
            var updated = await nudges.TryUpdateAsync(nudge with { Status = target, ActedAt = target == NudgeStatus.Acted ? now : nudge.ActedAt }, cancellationToken);
            if (updated is not null)
            {
                return result;
            }

            nudge = await nudges.GetAsync(nudge.EmployerId, nudge.Id, cancellationToken) ?? nudge;
        }

        return result with { Outcome = LinkOutcome.AlreadyRecorded };
    }

    private async Task<LinkActionResult> SnoozeAsync(Nudge nudge, LinkActionResult result, CancellationToken cancellationToken)
    {
        var transitioned = await TransitionAsync(nudge, NudgeStatus.Snoozed, result, cancellationToken);
        if (transitioned.Outcome != LinkOutcome.Recorded)
        {
            return transitioned;
        }

        // The same weekday and time one week on: still inside the sending window, still a working weekday.
        var again = nudge with
        {
            Id = DeterministicId.From("snooze", nudge.EmployerId, nudge.Id),
            DueAt = nudge.DueAt + (SnoozeFor * Math.Max(1, (int)Math.Ceiling((clock.Now - nudge.DueAt) / SnoozeFor))),
            MessageKey = DeterministicId.From("snooze-message", nudge.MessageKey, nudge.Id),
            Status = NudgeStatus.Scheduled,
            Attempts = 0,
            NextAttemptAt = null,
            SentAt = null,
            ActedAt = null,
            LastError = null,
            IdempotencyKey = null,
            SchedulerHandle = null,
            Version = "",
        };
        await journeyChanges.AddAndScheduleAsync([again], cancellationToken);
        return transitioned;
    }

    private async Task<LinkActionResult> CheckInAsync(Nudge nudge, ActionToken token, CheckInInput? input, LinkActionResult result, CancellationToken cancellationToken)
    {
        var answer = input ?? new CheckInInput
        {
            Belonging = token.Action == LinkAction.Belonging ? token.Value : null,
            IntentToStay = token.Action == LinkAction.IntentToStay ? token.Value : null,
        };
        var recorded = await checkIns.RecordAsync(nudge.EmployerId, nudge.EnrollmentId, answer, nudge.Id, cancellationToken);
        if (recorded.Status == CommandStatus.Invalid)
        {
            return result with { Outcome = LinkOutcome.InvalidInput };
        }

        if (recorded.Status != CommandStatus.Done)
        {
            return result with { Outcome = LinkOutcome.Gone };
        }

        var transitioned = await TransitionAsync(nudge, NudgeStatus.Acted, result, cancellationToken);
        return transitioned.Outcome == LinkOutcome.Gone ? result : transitioned;
    }

    private async Task<LinkActionResult> UnsubscribeAsync(Enrollment enrollment, Nudge nudge, LinkActionResult result, CancellationToken cancellationToken)
    {
        if (nudge.Audience == Audience.Newcomer && enrollment.Consent.NewcomerNudges)
        {
            await enrollments.TryUpdateAsync(enrollment with { Consent = new Consent(false) }, cancellationToken);
        }

        var cancelled = await journeyChanges.CancelFutureAsync(enrollment.EmployerId, enrollment.Id, n => n.Audience == nudge.Audience, cancellationToken);
        return cancelled == 0 && (nudge.Audience != Audience.Newcomer || !enrollment.Consent.NewcomerNudges)
            ? result with { Outcome = LinkOutcome.AlreadyRecorded }
            : result;
    }
}
