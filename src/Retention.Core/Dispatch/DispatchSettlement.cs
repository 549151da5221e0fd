using Microsoft.Extensions.Logging;
using NodaTime;
using Retention.Core.Diagnostics;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Core.Dispatch;

/// <summary>
/// Records how a send ended on every claimed nudge. Each write is a compare-and-set retried on fresh reads;
/// the writes do not take the caller's cancellation, because a result that is not recorded right after the
/// send (above all "sent") is exactly the window in which a replay could deliver twice. Metrics count a nudge only
/// when its write took, so a replay that finds the work done counts nothing twice.
/// </summary>
internal sealed class DispatchSettlement(INudgeStore nudges, DispatchOptions options, RetentionMetrics metrics, ILogger logger)
{
    public async Task<DispatchOutcome> MarkSentAsync(IReadOnlyList<NudgeClaim> claims, string nudgeId, Instant now)
    {
        foreach (var claim in claims)
        {
            // Whatever happened meanwhile (a takeover, a re-plan cancelling it), the message went out.
            if (await UpdateAsync(claim.Claimed, current => NudgeStatuses.WentOut(current.Status)
                ? null
                : current with { Status = NudgeStatus.Sent, SentAt = now, NextAttemptAt = null, LastError = null }))
            {
                metrics.Sent(claim.Claimed, now);
            }
        }

        DispatchLog.Sent(logger, nudgeId, claims[0].Claimed.EmployerId, claims.Count);
        return new DispatchOutcome(DispatchResult.Sent);
    }

    /// <summary>Records as sent the nudges of a crashed claim whose message another member shows went out.</summary>
    public async Task RecordDeliveredAsync(IReadOnlyList<Nudge> members, string key, Instant sentAt)
    {
        foreach (var member in members)
        {
            if (await UpdateAsync(member, current => current.Status == NudgeStatus.Sending && current.IdempotencyKey == key
                ? current with { Status = NudgeStatus.Sent, SentAt = sentAt, NextAttemptAt = null, LastError = null }
                : null))
            {
                metrics.Sent(member, sentAt);
            }
        }
    }

    /// <summary>Throttling is the provider's pace, not the nudge's fault: the attempt is not counted.</summary>
    public async Task<DispatchOutcome> ThrottledAsync(IReadOnlyList<NudgeClaim> claims, string nudgeId, Instant retryAt)
    {
        foreach (var claim in claims)
        {
            await UpdateAsync(claim.Claimed, current => StillClaimed(current, claim)
                ? current with { Status = NudgeStatus.Scheduled, Attempts = claim.Before.Attempts, NextAttemptAt = retryAt, LastError = "throttled", IdempotencyKey = null }
                : null);
        }

        DispatchLog.Throttled(logger, nudgeId, claims[0].Claimed.EmployerId, retryAt);
        return new DispatchOutcome(DispatchResult.Throttled, retryAt, "throttled");
    }

    public async Task<DispatchOutcome> RetryOrFailAsync(IReadOnlyList<NudgeClaim> claims, string nudgeId, Instant now, string error)
    {
        DispatchOutcome? outcome = null;
        foreach (var claim in claims)
        {
            var attempts = claim.Claimed.Attempts;
            DispatchOutcome result;
            if (attempts >= options.MaxAttempts)
            {
                var lastError = error + " (attempts exhausted)";
                if (await UpdateAsync(claim.Claimed, current => StillClaimed(current, claim)
                    ? current with { Status = NudgeStatus.Failed, NextAttemptAt = null, LastError = lastError }
                    : null))
                {
                    metrics.Failed(claim.Claimed);
                }

                DispatchLog.Failed(logger, claim.Claimed.Id, claim.Claimed.EmployerId, lastError);
                result = new DispatchOutcome(DispatchResult.Failed, Detail: lastError);
            }
            else
            {
                var retryAt = now + Duration.FromTimeSpan(options.Backoff.DelayAfter(attempts));
                await UpdateAsync(claim.Claimed, current => StillClaimed(current, claim)
                    ? current with { Status = NudgeStatus.Scheduled, NextAttemptAt = retryAt, LastError = error, IdempotencyKey = null }
                    : null);
                DispatchLog.RetryLater(logger, claim.Claimed.Id, claim.Claimed.EmployerId, attempts, error, retryAt);
                result = new DispatchOutcome(DispatchResult.RetryLater, retryAt, error);
            }

            if (outcome is null || claim.Claimed.Id == nudgeId)
            {
                outcome = result;
            }
        }

        return outcome!;
    }

    public async Task<DispatchOutcome> FailAsync(IReadOnlyList<NudgeClaim> claims, string nudgeId, string error)
    {
        foreach (var claim in claims)
        {
            if (await UpdateAsync(claim.Claimed, current => StillClaimed(current, claim)
                ? current with { Status = NudgeStatus.Failed, NextAttemptAt = null, LastError = error }
                : null))
            {
                metrics.Failed(claim.Claimed);
            }
        }

        DispatchLog.Failed(logger, nudgeId, claims[0].Claimed.EmployerId, error);
        return new DispatchOutcome(DispatchResult.Failed, Detail: error);
    }

    /// <summary>Undoes claims (nothing was sent): each nudge gets back exactly what it had before.</summary>
    public async Task ReleaseAsync(IReadOnlyList<NudgeClaim> claims)
    {
        foreach (var claim in claims)
        {
            await UpdateAsync(claim.Claimed, current => StillClaimed(current, claim) ? claim.Before with { Version = current.Version } : null);
        }
    }

    /// <summary>True while the nudge still carries this dispatcher's claim (no takeover after a lease expiry).</summary>
    private static bool StillClaimed(Nudge current, NudgeClaim claim) =>
        current.Status == NudgeStatus.Sending
        && current.Attempts == claim.Claimed.Attempts
        && current.NextAttemptAt == claim.Claimed.NextAttemptAt;

    /// <summary>True when the change was written (not when it found nothing to do, or gave up on conflicts).</summary>
    private async Task<bool> UpdateAsync(Nudge claimed, Func<Nudge, Nudge?> change)
    {
        var update = await nudges.UpdateAsync(claimed, change, CancellationToken.None);
        if (update.Outcome == StoreUpdateOutcome.Conflict)
        {
            DispatchLog.SettleGaveUp(logger, claimed.Id, claimed.EmployerId, CompareAndSet.Attempts);
        }

        return update.Outcome == StoreUpdateOutcome.Updated;
    }
}
