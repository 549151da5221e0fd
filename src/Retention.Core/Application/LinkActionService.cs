using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Application;

/// <summary>
/// One-click links: the token is the credential (signed, expiring, one nudge, one purpose). Looking at a link
/// changes nothing (mail scanners prefetch links); using it records the action once. A link of a message that did
/// not go out records nothing, and a repeated answer is told that the first one stands.
/// </summary>
public sealed class LinkActionService(
    IActionTokenSigner signer,
    IEnrollmentStore enrollments,
    INudgeStore nudges,
    IEventStore events,
    CheckInService checkIns,
    EnrollmentChanges changes,
    JourneyChanges journeyChanges,
    UnsubscribeService unsubscribes,
    RetentionClock clock)
{
    /// <summary>The token of every link in a journey preview: never a valid signature, so it can record nothing.</summary>
    public const string PreviewToken = "preview";

    /// <summary>How long "snooze" puts a nudge off.</summary>
    public static Duration SnoozeFor { get; } = Duration.FromDays(7);

    public async Task<LinkActionResult> DescribeAsync(string token, CancellationToken cancellationToken)
    {
        if (token == PreviewToken)
        {
            return new LinkActionResult(LinkOutcome.Preview);
        }

        if (!signer.TryVerify(token, clock.Now, out var verified))
        {
            return new LinkActionResult(LinkOutcome.InvalidToken);
        }

        var nudge = await nudges.GetAsync(verified.EmployerId, verified.NudgeId, cancellationToken);
        var outcome = nudge is null ? LinkOutcome.Gone
            : verified.Action is LinkAction.Unsubscribe or LinkAction.Resubscribe || NudgeStatuses.WentOut(nudge.Status) ? LinkOutcome.Recorded
            : nudge.Status == NudgeStatus.Failed ? LinkOutcome.Gone
            : LinkOutcome.NotSent;
        return new LinkActionResult(outcome, verified.Action, nudge?.Kind, verified.Value);
    }

    /// <summary>Records the link's action. Check-in links take both answers (<paramref name="checkIn"/>), preset from the token.</summary>
    public async Task<LinkActionResult> ActAsync(string token, CheckInInput? checkIn, CancellationToken cancellationToken)
    {
        if (token == PreviewToken)
        {
            return new LinkActionResult(LinkOutcome.Preview);
        }

        if (!signer.TryVerify(token, clock.Now, out var verified))
        {
            return new LinkActionResult(LinkOutcome.InvalidToken);
        }

        var nudge = await nudges.GetAsync(verified.EmployerId, verified.NudgeId, cancellationToken);
        var enrollment = nudge is null ? null : await enrollments.GetAsync(nudge.EmployerId, nudge.EnrollmentId, cancellationToken);
        if (nudge is null || enrollment is null || enrollment.Erased)
        {
            return new LinkActionResult(LinkOutcome.Gone, verified.Action);
        }

        var result = new LinkActionResult(LinkOutcome.Recorded, verified.Action, nudge.Kind, verified.Value);
        if (verified.Action == LinkAction.Unsubscribe)
        {
            return await UnsubscribeAsync(enrollment, nudge, verified, result, cancellationToken);
        }

        if (verified.Action == LinkAction.Resubscribe)
        {
            return await ResubscribeAsync(enrollment, nudge, result, cancellationToken);
        }

        if (!NudgeStatuses.WentOut(nudge.Status))
        {
            return result with { Outcome = nudge.Status is NudgeStatus.Failed ? LinkOutcome.Gone : LinkOutcome.NotSent };
        }

        return verified.Action switch
        {
            LinkAction.Done => await TransitionAsync(nudge, NudgeStatus.Acted, result, cancellationToken),
            LinkAction.Dismiss => await TransitionAsync(nudge, NudgeStatus.Dismissed, result, cancellationToken),
            LinkAction.Snooze => await SnoozeAsync(nudge, result, cancellationToken),
            LinkAction.Belonging or LinkAction.IntentToStay => await CheckInAsync(nudge, verified, checkIn, result, cancellationToken),
            _ => new LinkActionResult(LinkOutcome.InvalidToken),
        };
    }

    private async Task<LinkActionResult> TransitionAsync(Nudge nudge, NudgeStatus target, LinkActionResult result, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var update = await nudges.UpdateAsync(nudge, n =>
            n.Status == target || n.Status is NudgeStatus.Acted or NudgeStatus.Dismissed || n.Status is not (NudgeStatus.Sent or NudgeStatus.Snoozed)
                ? null
                : n with { Status = target, ActedAt = target == NudgeStatus.Acted ? now : n.ActedAt },
            cancellationToken);
        return update.Outcome switch
        {
            StoreUpdateOutcome.Updated => result,
            StoreUpdateOutcome.NotFound => result with { Outcome = LinkOutcome.Gone },
            _ when update.Value is { } current && !NudgeStatuses.WentOut(current.Status) => result with { Outcome = LinkOutcome.Gone },
            _ => result with { Outcome = LinkOutcome.AlreadyRecorded },
        };
    }

    private async Task<LinkActionResult> SnoozeAsync(Nudge nudge, LinkActionResult result, CancellationToken cancellationToken)
    {
        var transitioned = await TransitionAsync(nudge, NudgeStatus.Snoozed, result, cancellationToken);
        if (transitioned.Outcome != LinkOutcome.Recorded)
        {
            return transitioned;
        }

        // The same weekday and time one week on: still inside the sending window, still a working weekday. Added under
        // the journey lease, so it never meets a re-plan half-way; the re-plan keeps it as the snoozed milestone's copy.
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
            StatusReason = null,
            IdempotencyKey = null,
            SchedulerHandle = null,
            Version = "",
        };
        await changes.ApplyAsync(
            nudge.EmployerId,
            nudge.EnrollmentId,
            e => e.Status == EnrollmentStatus.Active ? EnrollmentDecision.Change(e) : EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(e)),
            (_, ct) => journeyChanges.AddAndScheduleAsync([again with { PlanRevision = nudge.PlanRevision }], ct),
            cancellationToken);
        return transitioned;
    }

    private async Task<LinkActionResult> CheckInAsync(Nudge nudge, ActionToken token, CheckInInput? input, LinkActionResult result, CancellationToken cancellationToken)
    {
        // One answer per check-in message: the first stands, and a second one is told so rather than "recorded".
        if (nudge.Status == NudgeStatus.Acted
            || (await events.GetCheckInsAsync(nudge.EmployerId, nudge.EnrollmentId, cancellationToken)).Any(c => c.NudgeId == nudge.Id))
        {
            return result with { Outcome = LinkOutcome.AlreadyRecorded };
        }

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

        await TransitionAsync(nudge, NudgeStatus.Acted, result, cancellationToken);
        return result;
    }

    private async Task<LinkActionResult> UnsubscribeAsync(Enrollment enrollment, Nudge nudge, ActionToken token, LinkActionResult result, CancellationToken cancellationToken)
    {
        if (UnsubscribeService.AddressOf(enrollment, nudge.Audience) is null)
        {
            return result with { Outcome = LinkOutcome.Gone };
        }

        var added = await unsubscribes.AddAsync(enrollment, nudge.Audience, cancellationToken);

        // Whatever this enrolment still had planned for the person is cancelled now; dispatch checks every other
        // enrolment's nudges to the address when they come up.
        await changes.ReplanAsync(enrollment.EmployerId, enrollment.Id, cancellationToken);
        var resubscribe = signer.Sign(token with { Action = LinkAction.Resubscribe, Value = 0 });
        return result with { Outcome = added ? LinkOutcome.Recorded : LinkOutcome.AlreadyRecorded, ResubscribeToken = resubscribe };
    }

    private async Task<LinkActionResult> ResubscribeAsync(Enrollment enrollment, Nudge nudge, LinkActionResult result, CancellationToken cancellationToken)
    {
        var held = await unsubscribes.LiftAsync(enrollment, nudge.Audience, cancellationToken);
        if (held is null)
        {
            return result with { Outcome = LinkOutcome.AlreadyRecorded };
        }

        // Every journey that held nudges back for the person plans them again (this one included).
        foreach (var enrollmentId in held.Append(enrollment.Id).Distinct(StringComparer.Ordinal))
        {
            await changes.ReplanAsync(enrollment.EmployerId, enrollmentId, cancellationToken);
        }

        return result;
    }
}
