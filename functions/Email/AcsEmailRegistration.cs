using Azure.Communication.Email;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Core.Email;

namespace Retention.Functions.Email;

public static class AcsEmailRegistration
{
    public static IServiceCollection AddRetentionAcsEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AcsEmailOptions>()
            .BindConfiguration(AcsEmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = new EmailClientOptions();
            // No SDK-side retries: a 429 must come back to dispatch at once, which reschedules the nudge
            // after Retry-After instead of holding the message lock while the SDK waits.
            options.Retry.MaxRetries = 0;
            var endpoint = new Uri(sp.GetRequiredService<IOptions<AcsEmailOptions>>().Value.Endpoint);
            return new EmailClient(endpoint, new DefaultAzureCredential(), options);
        });
        services.AddSingleton<IEmailSender, AcsEmailSender>();
        return services;
    }
}
