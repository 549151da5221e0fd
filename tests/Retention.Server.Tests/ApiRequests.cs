using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

/// <summary>Request bodies and small HTTP conveniences shared by the API tests.</summary>
internal static class ApiRequests
{
    public static string Enrollments(string employer) => $"/api/v1/employers/{employer}/enrollments";

    public static JsonObject ValidEnrollment(string externalId = "HR-4711") => new()
    {
        ["externalId"] = externalId,
        ["newcomer"] = new JsonObject { ["name"] = "Audrey", ["email"] = "audrey@example.com", ["language"] = "en", ["timeZone"] = "America/Chicago" },
        ["ildsjel"] = new JsonObject { ["name"] = "Karianne", ["email"] = "karianne@example.no", ["language"] = "nb" },
        ["hrContact"] = new JsonObject { ["name"] = "Ingrid", ["email"] = "hr@example.no" },
        ["arrivalDate"] = "2027-03-01",
        ["startDate"] = "2027-03-03",
        ["municipality"] = "Haugesund",
        ["family"] = new JsonObject { ["partner"] = true, ["childrenAges"] = new JsonArray(4, 9) },
        ["interests"] = new JsonArray("hiking", "choir"),
        ["consent"] = new JsonObject { ["newcomerNudges"] = true },
    };

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static StringContent RawJson(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<string> EnrollAsync(HttpClient client, string employer, JsonObject? body = null)
    {
        using var response = await client.PostAsync(new Uri(Enrollments(employer), UriKind.Relative), Json(body ?? ValidEnrollment()));
        Assert.True(response.IsSuccessStatusCode, $"enrol → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadObjectAsync())["id"]!.GetValue<string>();
    }

    /// <summary>The field names of a problem's <c>errors</c> map.</summary>
    public static async Task<IReadOnlyList<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        return problem["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToList() : [];
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
