using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Retention.Feeds.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, answering every request with <c>respond</c> and recording each one.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FeedServer(WebApplication app) => this.app = app;

    /// <summary>Requests seen, in order: path and the If-None-Match header (empty when none).</summary>
    public ConcurrentQueue<(string Path, string IfNoneMatch)> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public static async Task<FeedServer> StartAsync(Func<HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(context =>
        {
            server.Requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.IfNoneMatch.ToString()));
            return respond(context);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
