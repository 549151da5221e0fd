using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Retention.Testing;

namespace Retention.Server.Tests.Composition;

/// <summary>
/// The real server composed for one provider and mode, with the container validated on build (every registration
/// constructible, no scoped service captured by a singleton) — the check that would have caught a Cosmos server
/// unable to build its <c>JourneyChanges</c>. Settings are passed as configuration, the way a user sets them.
/// </summary>
internal sealed class ComposedServer(IReadOnlyDictionary<string, string?> settings, CosmosServer? cosmos = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("retention-compose-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Retention:DataDirectory", DataDirectory);
        builder.UseSetting("Retention:PublicBaseUrl", "https://retention.test");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        if (cosmos is not null)
        {
            // The local emulator's self-signed certificate; the rest of the client is the server's own.
            builder.ConfigureServices(services => services.Configure<CosmosClientOptions>(client =>
            {
                client.ConnectionMode = ConnectionMode.Gateway;
                client.LimitToEndpoint = true;
                client.HttpClientFactory = () => new HttpClient(new CosmosServerHandler());
            }));
        }
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
                // A file still held open on the way out is not worth failing a test for.
            }
        }
    }
}
