using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Retention.Core.Dispatch;

namespace Retention.Server.Dispatching;

public static class DispatchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="NudgeDispatcher"/> (options <c>Retention:Dispatch</c>) and, unless
    /// <paramref name="runDueQueue"/> is false, the <see cref="DueQueueDispatcherService"/> that polls the due-queue
    /// (options <c>Retention:Dispatch:Queue</c>). Expects the store ports, <c>IDueNudgeQueue</c>, <c>INudgeRenderer</c>
    /// and <c>IEmailSender</c> to be registered by their own <c>AddRetention…</c> calls.
    /// </summary>
    public static IServiceCollection AddRetentionDispatching(this IServiceCollection services, bool runDueQueue = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DispatchOptions>()
            .BindConfiguration(DispatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<DispatchOptions>>().Value);
        services.AddSingleton<NudgeDispatcher>();

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
