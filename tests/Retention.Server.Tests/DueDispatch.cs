using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;

namespace Retention.Server.Tests;

/// <summary>Dispatches one nudge as the background service would, with the fake clock moved to when it is due.</summary>
internal static class DueDispatch
{
    public static async Task<DispatchOutcome> AtDueTimeAsync(RetentionApiFactory factory, Nudge nudge)
    {
        if (nudge.DueAt.ToDateTimeOffset() > factory.Clock.GetUtcNow())
        {
            factory.Clock.SetUtcNow(nudge.DueAt.ToDateTimeOffset());
        }

        var dispatcher = factory.Services.GetRequiredService<NudgeDispatcher>();
        var outcome = await dispatcher.DispatchAsync(nudge.EmployerId, nudge.Id, CancellationToken.None);
        if (outcome is { Result: DispatchResult.RetryLater, RetryAt: { } opens })
        {
            // Outside the recipient's sending window (a newcomer abroad): come back when it opens, as the queue does.
            factory.Clock.SetUtcNow(opens.ToDateTimeOffset());
            outcome = await dispatcher.DispatchAsync(nudge.EmployerId, nudge.Id, CancellationToken.None);
        }

        return outcome;
    }
}
