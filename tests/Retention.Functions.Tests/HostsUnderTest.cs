using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Retention.Server.Tests;

namespace Retention.Functions.Tests;

/// <summary>
/// The server and the Functions triggers over one SQLite file: two employers with their keys and one enrolment of
/// acme's, made through the server, so both hosts answer from the same records.
/// </summary>
public sealed class HostsUnderTest : IAsyncLifetime
{
    public const string Acme = RetentionApiFactory.Acme;
    public const string Globex = RetentionApiFactory.Globex;

    public const string ValidEnrollment = """
        {
          "externalId": "HR-4711",
          "newcomer": { "name": "Audrey", "email": "audrey@example.com", "language": "en", "timeZone": "America/Chicago" },
          "ildsjel": { "name": "Karianne", "email": "karianne@example.no", "language": "nb" },
          "hrContact": { "name": "Ingrid", "email": "hr@example.no" },
          "arrivalDate": "2027-03-01", "startDate": "2027-03-03", "municipality": "Haugesund",
          "family": { "partner": true, "childrenAges": [4, 9] }, "interests": ["hiking"],
          "consent": { "newcomerNudges": true }
        }
        """;

    public RetentionApiFactory Server { get; } = new();

    public FunctionsHost Functions { get; private set; } = null!;

    public string AcmeKey => Server.AcmeKey;

    public string GlobexKey => Server.GlobexKey;

    public string EnrollmentId { get; private set; } = "";

    public HttpClient ServerClient() => Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        await Server.InitializeKeysAsync();
        Functions = new FunctionsHost(Server.Services.GetRequiredService<IConfiguration>(), Server.Clock);

        using var client = ServerClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/employers/{Acme}/enrollments")
        {
            Content = new StringContent(ValidEnrollment, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", AcmeKey);
        using var created = await client.SendAsync(request);
        created.EnsureSuccessStatusCode();
        EnrollmentId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public async Task DisposeAsync()
    {
        await Functions.DisposeAsync();
        await Server.DisposeAsync();
    }
}
