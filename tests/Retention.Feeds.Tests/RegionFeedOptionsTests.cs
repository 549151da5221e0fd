using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Retention.Feeds.Tests;

public sealed class RegionFeedOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_limits()
    {
        var options = Resolve([]);

        Assert.Equal(
            (TimeSpan.FromSeconds(10), 5L * 1024 * 1024, 3, TimeSpan.FromHours(6), false),
            (options.Timeout, options.MaxBytes, options.MaxRedirects, options.RefreshInterval, options.AllowLoopback));
    }

    [Fact]
    public void A_limit_out_of_range_fails_the_start_up_validation_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{RegionFeedOptions.SectionName}:MaxRedirects"] = "50" })
            .Build();
        using var services = new ServiceCollection().AddRetentionFeeds(configuration).BuildServiceProvider();

        // What a host runs before it starts: ValidateOnStart registered the options with it.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Retention:Regions:Feeds:MaxRedirects", error.Message, StringComparison.Ordinal);
    }

    private static RegionFeedOptions Resolve(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddRetentionFeeds(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<RegionFeedOptions>>().Value;
    }
}
