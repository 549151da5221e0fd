using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Core.Tests.Application;

/// <summary>A nudge store whose first <see cref="AddAsync"/> waits until the test opens the gate: a re-plan caught half-way.</summary>
internal sealed class GatedNudgeStore(INudgeStore inner) : INudgeStore
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int adds;

    /// <summary>Completes when the first add is waiting at the gate.</summary>
    public Task Entered => entered.Task;

    public void Open() => open.TrySetResult();

    public Task<Nudge?> GetAsync(string employerId, string nudgeId, CancellationToken cancellationToken) => inner.GetAsync(employerId, nudgeId, cancellationToken);

    public Task<IReadOnlyList<Nudge>> GetJourneyAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        inner.GetJourneyAsync(employerId, enrollmentId, cancellationToken);

    public async Task AddAsync(IReadOnlyList<Nudge> nudges, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref adds) == 1)
        {
            entered.TrySetResult();
            await open.Task.WaitAsync(cancellationToken);
        }

        await inner.AddAsync(nudges, cancellationToken);
    }

    public Task<Nudge?> TryUpdateAsync(Nudge nudge, CancellationToken cancellationToken) => inner.TryUpdateAsync(nudge, cancellationToken);
}
