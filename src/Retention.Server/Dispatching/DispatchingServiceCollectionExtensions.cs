using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Retention.Core.Dispatch;

namespace Retention.Server.Dispatching;

public static class DispatchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers, unless <paramref name="runDueQueue"/> is false, the <see cref="DueQueueDispatcherService"/> that
    /// polls the due-queue (options <c>Retention:Dispatch:Queue</c>) and hands each nudge to the
    /// <see cref="NudgeDispatcher"/> that <c>AddRetentionCore</c> registers. Expects the store ports and
    /// <c>IDueNudgeQueue</c> to be registered by their own <c>AddRetention…</c> calls.
    /// </summary>
    public static IServiceCollection AddRetentionDispatching(this IServiceCollection services, bool runDueQueue = true)
    {
        services.TryAddSingleton(TimeProvider.System);

        if (runDueQueue)
        {
            services.AddOptions<DueQueueDispatcherOptions>()
                .BindConfiguration(DueQueueDispatcherOptions.SectionName)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            services.AddSingleton<DueQueueDispatcherService>();
            services.AddHostedService(provider => provider.GetRequiredService<DueQueueDispatcherService>());
        }

        return services;
    }
}
