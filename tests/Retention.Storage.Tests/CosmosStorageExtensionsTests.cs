using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Retention.Core.Regions;
using Retention.Core.Storage;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>The registration a host calls, started for real against the test server.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosStorageExtensionsTests(CosmosStoreFixture fixture)
{
    [SkippableFact]
    public async Task Host_start_creates_the_containers_and_the_ports_work()
    {
        Skip.If(fixture.UnavailableReason is not null, fixture.UnavailableReason);
        var builder = Host.CreateApplicationBuilder();
        var databaseName = "retention-di-" + Guid.NewGuid().ToString("N")[..8];
        builder.Services.AddRetentionCosmosStorage(
            o =>
            {
                o.Endpoint = fixture.Options.Endpoint;
                o.Key = fixture.Options.Key;
                o.Database = databaseName;
                o.CreateIfMissing = true;
            },
            client =>
            {
                var test = CosmosStoreFixture.ClientOptions();
                client.ConnectionMode = test.ConnectionMode;
                client.LimitToEndpoint = test.LimitToEndpoint;
                client.HttpClientFactory = test.HttpClientFactory;
            });
        using var host = builder.Build();

        await host.StartAsync();
        var key = new ApiKey("acme", StoreTestData.NewId("rk"), "hash", StoreTestData.Now);
        await host.Services.GetRequiredService<IApiKeyStore>().AddAsync(key, CancellationToken.None);
        var enrollment = StoreTestData.Enrollment("acme");
        await host.Services.GetRequiredService<IEnrollmentStore>().CreateAsync(enrollment, StoreTestData.Journey(enrollment), CancellationToken.None);

        Assert.Equal(key, await host.Services.GetRequiredService<IApiKeyStore>().GetAsync(key.Id, CancellationToken.None));
        Assert.Equal(4, (await host.Services.GetRequiredService<INudgeStore>().GetJourneyAsync("acme", enrollment.Id, CancellationToken.None)).Count);
        Assert.IsType<CosmosEventStore>(host.Services.GetRequiredService<IEventStore>());
        // The regions container exists: a region write lands in it.
        var region = new Region { Id = StoreTestData.NewId("region"), Document = "{}", Municipalities = [StoreTestData.NewId("Etne")], UpdatedAt = StoreTestData.Now };
        var save = await host.Services.GetRequiredService<IRegionStore>().SaveAsync(region, CancellationToken.None);
        Assert.Equal(RegionSaveOutcome.Created, save.Outcome);
        Assert.IsType<CosmosEmployerSettingsStore>(host.Services.GetRequiredService<IEmployerSettingsStore>());
        await fixture.Client!.GetDatabase(databaseName).DeleteAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Host_start_fails_when_no_endpoint_is_configured()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRetentionCosmosStorage();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(CosmosStoreOptions.Endpoint), error.Message, StringComparison.Ordinal);
    }
}
