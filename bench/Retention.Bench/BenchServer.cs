using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Retention.Core.Access;
using Retention.Server;
using Retention.Storage.Sqlite;

namespace Retention.Bench;

/// <summary>
/// The real self-hosted server, composed as <c>Retention.Server</c>'s Program does (<c>AddRetentionServer</c> +
/// <c>MapRetentionServer</c>), on Kestrel at a free loopback port, with its data directory in scratch space.
/// Logging is at Warning: per-request Information logs to the console would measure the terminal.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private BenchServer(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(string dataDirectory, IDictionary<string, string>? settings = null, Action<IServiceCollection>? configure = null, Func<IServiceProvider, Task>? beforeStart = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var arguments = new List<string>
        {
            "--Retention:DataDirectory=" + dataDirectory,
            "--Urls=http://127.0.0.1:0",
            "--Retention:PublicBaseUrl=http://127.0.0.1",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
        };
        arguments.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. arguments], ContentRootPath = dataDirectory });
        builder.AddRetentionServer();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapRetentionServer();
        if (beforeStart is not null)
        {
            await app.Services.GetRequiredService<SqliteDatabase>().MigrateAsync(CancellationToken.None);
            await beforeStart(app.Services);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchServer(app, new Uri(address));
    }

    public Task<string> CreateKeyAsync(string employerId) =>
        App.Services.GetRequiredService<ApiKeyService>().CreateAsync(employerId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
