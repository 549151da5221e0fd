using Azure.Communication.Email;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Email;
using Retention.Email;

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
        // The provider's rate (Retention:Email:RateLimit, 30/minute and 100/hour for a new ACS resource) is held by
        // the same decorator the self-hosted senders use; it answers Throttled rather than waiting for minutes.
        services.AddOptions<EmailRateLimitOptions>()
            .BindConfiguration(EmailOptions.SectionName + ":RateLimit")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AcsEmailSender>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var rate = sp.GetRequiredService<IOptions<EmailRateLimitOptions>>().Value;
            var acs = sp.GetRequiredService<AcsEmailSender>();
            return rate.IsBounded ? new RateLimitedEmailSender(acs, rate, sp.GetRequiredService<ILogger<RateLimitedEmailSender>>()) : acs;
        });
        return services;
    }
}
