using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Retention.Core.Email;

namespace Retention.Email.Tests;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void Chooses_the_pickup_directory_under_the_data_directory_by_default()
    {
        using var provider = Build(new() { ["Retention:DataDirectory"] = "/tmp/retention-data" });

        var sender = Assert.IsType<PickupDirectoryEmailSender>(provider.GetRequiredService<IEmailSender>());

        Assert.Equal(Path.Combine("/tmp/retention-data", "outbox"), sender.Directory);
    }

    [Fact]
    public void Chooses_smtp_when_configured()
    {
        using var provider = Build(new() { ["Retention:Email:Provider"] = "Smtp", ["Retention:Email:Smtp:Host"] = "smtp.example.no", ["Retention:Email:Smtp:Security"] = "StartTls" });

        Assert.IsType<SmtpEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTls, provider.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Security);
    }

    [Fact]
    public void Wraps_the_sender_in_the_rate_limit_when_one_is_set()
    {
        using var provider = Build(new() { ["Retention:Email:RateLimit:PerMinute"] = "30", ["Retention:Email:RateLimit:PerHour"] = "100" });

        Assert.IsType<RateLimitedEmailSender>(provider.GetRequiredService<IEmailSender>());
    }

    [Theory]
    [InlineData("Smtp", null, null, "Retention:Email:Smtp:Host is required when Retention:Email:Provider is Smtp.")]
    [InlineData("Smtp", "Port", "0", "Retention:Email:Smtp:Port")]
    [InlineData("Pickup", "UserName", "someone", "Retention:Email:Smtp:Password is required")]
    public void Rejects_incomplete_settings_with_a_message_naming_the_setting(string provider, string? smtpKey, string? smtpValue, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Retention:Email:Provider"] = provider };
        if (smtpKey is not null)
        {
            settings["Retention:Email:Smtp:Host"] = "smtp.example.no";
            settings["Retention:Email:Smtp:" + smtpKey] = smtpValue;
        }

        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRetentionEmail(configuration)
            .BuildServiceProvider();
    }
}
