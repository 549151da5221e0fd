using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Retention.Feeds;

public static class RegionFeedServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RegionFeedFetcher"/> (a singleton) with its named <see cref="HttpClient"/>: redirects off
    /// (the fetcher follows and checks them), no proxy (the guard must see the real target), connections through
    /// <see cref="GuardedConnector"/>, and a resilience pipeline of a total timeout of <see cref="RegionFeedOptions.Timeout"/>
    /// around a few retries on transient failures. <see cref="RegionFeedOptions"/> are validated at start-up.
    /// </summary>
    public static IServiceCollection AddRetentionFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RegionFeedOptions>()
            .Bind(configuration.GetSection(RegionFeedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(RegionFeedFetcher.HttpClientName, client =>
            {
                // The pipeline and the fetcher's deadline bound the time; HttpClient's own 100 s would only mislead.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Retention-RegionFeeds/1.0");
                client.DefaultRequestHeaders.Accept.ParseAdd("text/calendar");
                client.DefaultRequestHeaders.Accept.ParseAdd("*/*;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = Options(provider);
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    AutomaticDecompression = DecompressionMethods.All,
                    ConnectTimeout = options.Timeout,
                    ConnectCallback = new GuardedConnector(options.AllowLoopback).ConnectAsync,
                };
            })
            .AddResilienceHandler("region-feed", (pipeline, context) =>
            {
                var options = Options(context.ServiceProvider);
                pipeline.AddTimeout(options.Timeout);
                if (options.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,

                        // A Retry-After past the budget would turn "HTTP 503" into a timeout; the next refresh is hours away.
                        ShouldRetryAfterHeader = false,

                        // A refused address stays refused: only transient failures are tried again.
                        ShouldHandle = args => ValueTask.FromResult(
                            !IsRefused(args.Outcome.Exception)
                            && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    });
                }
            });

        services.AddSingleton<RegionFeedFetcher>();
        services.AddSingleton<Retention.Core.Regions.IRegionFeedSource, RegionFeedSource>();
        return services;
    }

    private static RegionFeedOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<RegionFeedOptions>>().Value;

    private static bool IsRefused(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is FeedAddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }
}
