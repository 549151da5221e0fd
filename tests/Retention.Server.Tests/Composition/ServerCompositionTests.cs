using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Access;
using Retention.Core.Scheduling;
using Retention.Server.Cosmos;
using Retention.Storage.Sqlite;
using Retention.Testing;

namespace Retention.Server.Tests.Composition;

/// <summary>
/// Each composition of the self-hosted server — SQLite with and without the due-queue dispatcher, demo mode, Cosmos DB
/// — builds with a validated container, resolves the services of every endpoint, and enrols and re-plans a newcomer
/// through the real pipeline.
/// </summary>
public sealed class ServerCompositionTests : IAsyncLifetime
{
    private CosmosServer? _cosmos;
    private string? _cosmosUnavailable;

    public async Task InitializeAsync()
    {
        try
        {
            _cosmos = await CosmosServer.StartAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            _cosmosUnavailable = "cosmosdb-server could not start: " + e.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cosmos is not null)
        {
            await _cosmos.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("sqlite, dispatcher on")]
    [InlineData("sqlite, dispatcher off")]
    [InlineData("sqlite, demo")]
    public async Task Sqlite_compositions_build_resolve_every_endpoint_and_serve(string composition)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Retention:Dispatch:Enabled"] = composition.EndsWith("off", StringComparison.Ordinal) ? "false" : "true",
            ["Retention:Demo:Enabled"] = composition.EndsWith("demo", StringComparison.Ordinal) ? "true" : "false",
        };
        using var server = new ComposedServer(settings);

        await AssertServesAsync(server);

        Assert.IsType<SqliteNudgeScheduler>(server.Services.GetRequiredService<INudgeScheduler>());
    }

    [SkippableFact]
    public async Task Cosmos_composition_builds_resolves_every_endpoint_and_serves_without_a_due_queue()
    {
        Skip.If(_cosmos is null, _cosmosUnavailable);
        var settings = new Dictionary<string, string?>
        {
            ["Retention:Storage:Provider"] = "Cosmos",
            ["Retention:Storage:Cosmos:Endpoint"] = _cosmos!.Endpoint.ToString(),
            ["Retention:Storage:Cosmos:Key"] = CosmosServer.EmulatorKey,
            ["Retention:Storage:Cosmos:Database"] = "compose-" + Guid.NewGuid().ToString("N")[..8],
            ["Retention:Storage:Cosmos:CreateIfMissing"] = "true",
        };
        using var server = new ComposedServer(settings, _cosmos);

        await AssertServesAsync(server);

        Assert.IsType<StoreOnlyNudgeScheduler>(server.Services.GetRequiredService<INudgeScheduler>());
        Assert.Null(server.Services.GetService<SqliteDatabase>());
    }

    // An unknown provider is refused in one line by the real process: EndToEnd/StartupFailureTests.

    private static async Task AssertServesAsync(ComposedServer server)
    {
        var resolved = ResolveEndpointServices(server.Services);
        Assert.Contains(resolved, name => name.Contains("EnrollmentService", StringComparison.Ordinal));

        var key = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync("acme", CancellationToken.None);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var id = await ApiRequests.EnrollAsync(client, "acme");
        using var patch = await client.PatchAsync(
            new Uri($"{ApiRequests.Enrollments("acme")}/{id}", UriKind.Relative), ApiRequests.RawJson("""{"startDate":"2027-03-10"}"""));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        using var journey = await client.GetAsync(new Uri($"{ApiRequests.Enrollments("acme")}/{id}/journey", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, journey.StatusCode);
        Assert.Contains("\"Scheduled\"", await journey.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Resolves, in a request scope, every parameter of every endpoint handler that the container says is a service —
    /// what minimal APIs resolve per request — and returns their type names.
    /// </summary>
    private static List<string> ResolveEndpointServices(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.NotEmpty(endpoints);
        using var scope = services.CreateScope();
        var resolved = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
            foreach (var parameter in handler?.GetParameters() ?? [])
            {
                if (parameter.ParameterType != typeof(HttpContext) && isService.IsService(parameter.ParameterType))
                {
                    Assert.NotNull(scope.ServiceProvider.GetRequiredService(parameter.ParameterType));
                    resolved.Add(parameter.ParameterType.Name);
                }
            }
        }

        return resolved;
    }
}
