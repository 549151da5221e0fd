using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core;
using Retention.Feeds;
using Retention.Http;
using Retention.Storage.Sqlite;

namespace Retention.Functions.Tests;

/// <summary>
/// What the Functions worker gives a trigger, without the worker: a real <see cref="HttpContext"/> whose
/// RequestServices come from Core, the SQLite store and the shared HTTP surface, composed with the server's own
/// settings (so the same signing keys and the same database file), and the trigger's <see cref="IActionResult"/>
/// executed as the ASP.NET Core integration executes it.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    /// <param name="configure">What a test adds or replaces after the shared composition (e.g. the Service Bus scheduler).</param>
    public FunctionsHost(IConfiguration serverConfiguration, TimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(serverConfiguration);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(serverConfiguration.AsEnumerable().Where(setting => setting.Key.StartsWith("Retention", StringComparison.Ordinal)))
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging();
        collection.AddSingleton(clock);
        collection.AddRetentionCore();
        collection.AddRetentionSqliteStorage();
        collection.AddRetentionHttp();
        collection.AddRetentionFeeds(configuration);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IServiceProvider Services => services;

    /// <summary>A trigger class as the worker makes it: constructor arguments from the container.</summary>
    public T Trigger<T>() => ActivatorUtilities.CreateInstance<T>(services);

    public static HttpRequest Request(string method, string path, string? apiKey = null, string? jsonBody = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("retention.test");
        if (apiKey is not null)
        {
            context.Request.Headers["X-Api-Key"] = apiKey;
        }

        if (jsonBody is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(jsonBody);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        return context.Request;
    }

    /// <summary>Runs one trigger call in its own scope and returns the response it wrote.</summary>
    public async Task<Answer> InvokeAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> trigger)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trigger);
        await using var scope = services.CreateAsyncScope();
        var context = request.HttpContext;
        context.RequestServices = scope.ServiceProvider;
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = await trigger(request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return new Answer(context.Response.StatusCode, context.Response.ContentType, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
