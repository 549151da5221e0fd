using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Email;

namespace Retention.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEmailSender"/> as chosen by <c>Retention:Email:Provider</c> (<c>Pickup</c>, the default,
    /// into <c>&lt;Retention:DataDirectory&gt;/outbox</c>; or <c>Smtp</c>), wrapped in <see cref="RateLimitedEmailSender"/>
    /// when <c>Retention:Email:RateLimit</c> sets a rate. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddRetentionEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.PickupDirectory))
                {
                    options.PickupDirectory = Path.Combine(configuration["Retention:DataDirectory"] ?? "data", "outbox");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<PickupDirectoryEmailSender>();

        // Whatever the provider now, the pickup folder may hold copies from before: erasure always clears it.
        services.AddSingleton<ISentMailArchive>(provider => provider.GetRequiredService<PickupDirectoryEmailSender>());
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            IEmailSender sender = options.Provider switch
            {
                EmailProvider.Smtp => provider.GetRequiredService<SmtpEmailSender>(),
                _ => provider.GetRequiredService<PickupDirectoryEmailSender>(),
            };
            return options.RateLimit.IsBounded
                ? new RateLimitedEmailSender(sender, options.RateLimit, provider.GetRequiredService<ILogger<RateLimitedEmailSender>>())
                : sender;
        });
        return services;
    }
}
