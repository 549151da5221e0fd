using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Maintenance;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IStrandedNudgeQuery"/> over an <see cref="InMemoryNudgeStore"/>, held to the store contract.</summary>
public sealed class InMemoryStrandedNudgeQuery(InMemoryNudgeStore store) : IStrandedNudgeQuery
{
    public Task<IReadOnlyList<Nudge>> ListStrandedAsync(Instant firesBefore, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Nudge> stranded = store.All
            .Where(n => n.Status is NudgeStatus.Scheduled or NudgeStatus.Sending)
            .Select(n => (Nudge: n, At: n.NextAttemptAt ?? n.DueAt))
            .Where(n => n.At < firesBefore)
            .OrderBy(n => n.At)
            .Take(limit)
            .Select(n => n.Nudge)
            .ToList();
        return Task.FromResult(stranded);
    }
}
