using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Core.Scheduling;

namespace Retention.Functions.Messaging;

public static class ServiceBusRegistration
{
    /// <summary>The Service Bus scheduler: one client and one sender for the app's lifetime (they are thread-safe and hold the AMQP link).</summary>
    public static IServiceCollection AddRetentionServiceBus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ServiceBusOptions>()
            .BindConfiguration(ServiceBusOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            // Options validation guarantees exactly one of the two.
            return options.ConnectionString is { Length: > 0 } emulator
                ? new ServiceBusClient(emulator)
                : new ServiceBusClient(options.FullyQualifiedNamespace ?? "", new DefaultAzureCredential());
        });
        services.AddSingleton(sp => sp.GetRequiredService<ServiceBusClient>()
            .CreateSender(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.QueueName));
        services.AddSingleton<ServiceBusNudgeScheduler>();
        services.AddSingleton<INudgeScheduler>(sp => sp.GetRequiredService<ServiceBusNudgeScheduler>());
        return services;
    }
}
