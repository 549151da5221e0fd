using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Dispatch;

/// <summary>
/// Sends one due nudge, host-agnostic (the self-hosted due-queue and the Service Bus trigger both call it):
/// claim → render → send → mark sent, each step a compare-and-set on the nudge's version and safe to repeat.
/// A claim is a lease: <see cref="Nudge.NextAttemptAt"/> of a sending nudge is the instant after which a
/// crashed dispatcher's claim may be taken over; the replay sends under the same idempotency key.
/// </summary>
public sealed class NudgeDispatcher
{
    private readonly INudgeStore nudges;
    private readonly IEnrollmentStore enrollments;
    private readonly INudgeRenderer renderer;
    private readonly IEmailSender sender;
    private readonly TimeProvider timeProvider;
    private readonly DispatchOptions options;
    private readonly ILogger logger;
    private readonly DispatchSettlement settlement;
    private readonly EnrollmentChanges changes;
    private readonly UnsubscribeService unsubscribes;
    private readonly SendingWindow window;
    private readonly LocalContentCheck localContent;
    private readonly RetentionMetrics metrics;

    public NudgeDispatcher(
        INudgeStore nudges,
        IEnrollmentStore enrollments,
        EnrollmentChanges changes,
        UnsubscribeService unsubscribes,
        SendingWindow window,
        LocalContentCheck localContent,
        INudgeRenderer renderer,
        IEmailSender sender,
        TimeProvider timeProvider,
        DispatchOptions options,
        RetentionMetrics metrics,
        ILogger<NudgeDispatcher> logger)
    {
        this.nudges = nudges;
        this.enrollments = enrollments;
        this.changes = changes;
        this.unsubscribes = unsubscribes;
        this.window = window;
        this.localContent = localContent;
        this.renderer = renderer;
        this.sender = sender;
        this.timeProvider = timeProvider;
        this.options = options;
        this.metrics = metrics;
        this.logger = logger;
        settlement = new DispatchSettlement(nudges, options, metrics, logger);
    }

    public async Task<DispatchOutcome> DispatchAsync(string employerId, string nudgeId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(employerId);
        ArgumentException.ThrowIfNullOrEmpty(nudgeId);
        for (var round = 1; round <= options.MaxConflictRetries; round++)
        {
            if (await DecideAndActAsync(employerId, nudgeId, cancellationToken) is { } outcome)
            {
                return outcome;
            }

            DispatchLog.Conflict(logger, nudgeId, employerId, round);
        }

        // Someone keeps changing this nudge: leave it as it is and let the host come back later.
        return new DispatchOutcome(DispatchResult.RetryLater, Now() + Duration.FromTimeSpan(options.BackoffBase), "concurrent changes");
    }

    /// <summary>One decision on fresh reads; null when a concurrent change means deciding again.</summary>
    private async Task<DispatchOutcome?> DecideAndActAsync(string employerId, string nudgeId, CancellationToken cancellationToken)
    {
        var now = Now();
        var nudge = await nudges.GetAsync(employerId, nudgeId, cancellationToken);
        if (nudge is null)
        {
            DispatchLog.Duplicate(logger, nudgeId, employerId, "nudge not found");
            return new DispatchOutcome(DispatchResult.NotFound, Detail: "nudge not found");
        }

        if (DispatchEligibility.Settled(nudge, now) is { } settled)
        {
            DispatchLog.Duplicate(logger, nudgeId, employerId, settled.Detail ?? settled.Result.ToString());
            return settled;
        }

        var enrollment = await enrollments.GetAsync(employerId, nudge.EnrollmentId, cancellationToken);
        if (enrollment is null)
        {
            return await SkipAsync(nudge, "enrolment not found", SkipCategories.EnrollmentNotFound, DispatchResult.NotFound, cancellationToken);
        }

        if (enrollment.JourneyLease is { } lease)
        {
            if (lease.Until > now)
            {
                // A change is re-planning this journey: this nudge may be about to move or go. Come back after it.
                DispatchLog.Duplicate(logger, nudgeId, employerId, "its journey is being re-planned");
                return new DispatchOutcome(DispatchResult.RetryLater, lease.Until, "its journey is being re-planned");
            }

            // The change that held the lease died half-way: finish its re-plan, then decide on what it left.
            await changes.ReplanAsync(employerId, nudge.EnrollmentId, cancellationToken);
            return null;
        }

        var journey = await nudges.GetJourneyAsync(employerId, nudge.EnrollmentId, cancellationToken);
        if (await DispatchEligibility.UnwantedBecauseAsync(nudges, unsubscribes, nudge, enrollment, journey, cancellationToken) is { } unwanted)
        {
            return await SkipAsync(nudge, unwanted.Reason, unwanted.Category, DispatchResult.Skipped, cancellationToken);
        }

        if (nudge.Status == NudgeStatus.Scheduled && await localContent.MissingAsync(nudge, enrollment, now, cancellationToken) is { } missing)
        {
            return await SkipAsync(nudge, missing, SkipCategories.NoLocalContent, DispatchResult.Skipped, cancellationToken);
        }

        if (options.KeepSendingWindow && nudge.Status == NudgeStatus.Scheduled && window.DeferredUntil(nudge, enrollment, now) is { } opens)
        {
            // Late (or early) for the recipient's day: wait for the window to open rather than mail them at night.
            var deferred = nudge with { NextAttemptAt = opens };
            if (await nudges.TryUpdateAsync(deferred, cancellationToken) is null)
            {
                return null;
            }

            DispatchLog.Deferred(logger, nudgeId, employerId, opens);
            return new DispatchOutcome(DispatchResult.RetryLater, opens, "outside the recipient's sending window");
        }

        if (nudge.Attempts >= options.MaxAttempts)
        {
            // Only a takeover gets here: the claims before it never finished (the dispatcher kept dying).
            var failed = nudge with { Status = NudgeStatus.Failed, NextAttemptAt = null, LastError = "attempts exhausted; the last attempt did not finish" };
            if (await nudges.TryUpdateAsync(failed, cancellationToken) is null)
            {
                return null;
            }

            metrics.Failed(nudge);
            DispatchLog.Failed(logger, nudgeId, employerId, failed.LastError);
            return new DispatchOutcome(DispatchResult.Failed, Detail: failed.LastError);
        }

        var group = DispatchGroup.Collect(employerId, nudge, journey, now, options.MaxAttempts);
        if (group.InFlightUntil is { } inFlightUntil)
        {
            DispatchLog.Duplicate(logger, nudgeId, employerId, "its message is being sent by another dispatcher");
            return new DispatchOutcome(DispatchResult.Duplicate, inFlightUntil, "its message is being sent by another dispatcher");
        }

        bool HoldsThisNudge(IEnumerable<Nudge> members) => members.Any(m => m.Id == nudge.Id);
        if (group.DeliveredAt is { } deliveredAt)
        {
            // A crashed dispatcher's message went out but not all of its nudges were marked: mark them, send nothing.
            await settlement.RecordDeliveredAsync(group.Members, group.Key!, deliveredAt);
            DispatchLog.Duplicate(logger, nudgeId, employerId, "its message went out before a crash; recorded as sent");
            return HoldsThisNudge(group.Members) ? new DispatchOutcome(DispatchResult.Sent, Detail: "sent before a crash") : null;
        }

        var claims = await ClaimAsync(group, now, cancellationToken);
        if (claims is null)
        {
            return null;
        }

        var outcome = await SendAsync(enrollment, claims, group.Key!, nudge.Id, now, cancellationToken);

        // A takeover of a crashed claim that did not hold this nudge: that message is settled, now decide for this one.
        return HoldsThisNudge(claims.Select(c => c.Claimed)) ? outcome : null;
    }

    /// <summary>Decided at send time: the nudge is not sent, and says why (<see cref="Nudge.StatusReason"/>).</summary>
    private async Task<DispatchOutcome?> SkipAsync(Nudge nudge, string reason, string category, DispatchResult result, CancellationToken cancellationToken)
    {
        var skipped = nudge with { Status = NudgeStatus.Skipped, NextAttemptAt = null, StatusReason = reason, IdempotencyKey = null };
        if (await nudges.TryUpdateAsync(skipped, cancellationToken) is null)
        {
            return null;
        }

        metrics.Skipped(nudge, category);
        DispatchLog.Skipped(logger, nudge.Id, nudge.EmployerId, reason);
        return new DispatchOutcome(result, Detail: reason);
    }

    /// <summary>
    /// Claims the whole group, pinning the message's idempotency key on every member, in a fixed order (due time,
    /// id) so that two dispatchers racing for siblings meet on the same first nudge and the loser defers. All or
    /// nothing: a member that changed meanwhile hands the claims back and the caller decides again (null).
    /// </summary>
    private async Task<IReadOnlyList<NudgeClaim>?> ClaimAsync(DispatchGroup group, Instant now, CancellationToken cancellationToken)
    {
        var leaseUntil = now + Duration.FromTimeSpan(options.SendLease);
        var claims = new List<NudgeClaim>();
        foreach (var member in group.Members)
        {
            var claim = member with { Status = NudgeStatus.Sending, Attempts = member.Attempts + 1, NextAttemptAt = leaseUntil, IdempotencyKey = group.Key };
            if (await nudges.TryUpdateAsync(claim, cancellationToken) is not { } claimed)
            {
                await settlement.ReleaseAsync(claims);
                return null;
            }

            claims.Add(new NudgeClaim(member, claimed));
        }

        return claims;
    }

    private async Task<DispatchOutcome> SendAsync(Enrollment enrollment, IReadOnlyList<NudgeClaim> claims, string key, string nudgeId, Instant now, CancellationToken cancellationToken)
    {
        var group = claims.Select(c => c.Claimed).ToList();
        MimeMessage message;
        try
        {
            message = renderer.Render(enrollment, group, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DispatchLog.RenderFailed(logger, ex, nudgeId, enrollment.EmployerId);
            return await settlement.FailAsync(claims, nudgeId, "render failed: " + ex.GetType().Name);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Nothing went out yet: hand the claim back rather than leave it to the lease.
            await settlement.ReleaseAsync(claims);
            cancellationToken.ThrowIfCancellationRequested();
        }

        EmailSendResult result;
        try
        {
            result = await sender.SendAsync(message, key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the send may or may not have happened: the lease expires and a replay uses the same key
        }
        catch (Exception ex)
        {
            DispatchLog.SenderThrew(logger, ex.GetType().Name, nudgeId, enrollment.EmployerId);
            result = EmailSendResult.Transient("sender threw " + ex.GetType().Name);
        }

        return result.Status switch
        {
            EmailSendStatus.Sent => await settlement.MarkSentAsync(claims, nudgeId, now),
            EmailSendStatus.Throttled => await settlement.ThrottledAsync(claims, nudgeId, now + Duration.FromTimeSpan(result.RetryAfter ?? options.DefaultThrottleDelay)),
            EmailSendStatus.Transient => await settlement.RetryOrFailAsync(claims, nudgeId, now, "transient: " + (result.Detail ?? "unknown")),
            _ => await settlement.FailAsync(claims, nudgeId, "permanent: " + (result.Detail ?? "unknown")),
        };
    }

    private Instant Now() => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
}
