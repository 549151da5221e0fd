using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Retention.Core.Access;

namespace Retention.Server.Tests;

/// <summary>
/// The real server pipeline over a real SQLite file in a fresh temp data directory, with a fake clock and the
/// background dispatcher off (tests that need dispatch run it explicitly). Two employers with their keys. The host
/// runs as Development (as <c>WebApplicationFactory</c> does by default); a subclass may choose another environment.
/// </summary>
public class RetentionApiFactory : WebApplicationFactory<Program>
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    public RetentionApiFactory()
        : this("Development")
    {
    }

    protected RetentionApiFactory(string environment)
    {
        EnvironmentName = environment;
        DataDirectory = Directory.CreateTempSubdirectory("retention-api-").FullName;
    }

    /// <summary>The host environment: Development and Production differ in how the framework reports bad requests.</summary>
    public string EnvironmentName { get; }

    public string DataDirectory { get; }

    /// <summary>2027-01-11 09:00 Oslo, a Monday.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));

    public string AcmeKey { get; private set; } = "";

    public string GlobexKey { get; private set; } = "";

    /// <summary>Whether <see cref="InitializeKeysAsync"/> publishes the sample region (tests may use invented content; a real server never has it).</summary>
    protected virtual bool PublishesSampleRegion => true;

    public async Task InitializeKeysAsync()
    {
        if (AcmeKey.Length > 0)
        {
            return;
        }

        var keys = Services.GetRequiredService<ApiKeyService>();
        AcmeKey = await keys.CreateAsync(Acme, CancellationToken.None);
        GlobexKey = await keys.CreateAsync(Globex, CancellationToken.None);
        if (PublishesSampleRegion)
        {
            var published = await Services.GetRequiredService<Retention.Core.Regions.RegionService>().PutAsync(
                Retention.Core.Content.SampleRegions.HaugalandetId,
                Retention.Core.Content.SampleRegions.HaugalandetDocument(NodaTime.Instant.FromDateTimeOffset(Clock.GetUtcNow())),
                CancellationToken.None);
            if (published.Value is null)
            {
                throw new InvalidOperationException("The sample region was refused: " + string.Join("; ", published.Errors.Select(e => e.Field + " " + e.Reason)) + published.Reason);
            }
        }
    }

    public HttpClient ClientFor(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Retention:DataDirectory", DataDirectory);
        builder.UseSetting("Retention:Dispatch:Enabled", "false");
        builder.UseSetting("Retention:PublicBaseUrl", "https://retention.test");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on the way out is not worth failing a test run for.
            }
        }
    }
}
