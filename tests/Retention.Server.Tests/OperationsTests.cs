using System.Net;
using System.Text.Json.Nodes;

namespace Retention.Server.Tests;

public sealed class OperationsTests(RetentionApiFactory factory) : IClassFixture<RetentionApiFactory>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_employer_api()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/employers/{employerId}/enrollments", paths);
        Assert.Contains("/api/v1/employers/{employerId}/enrollments/{id}/journey", paths);
        Assert.Contains("/api/v1/employers/{employerId}/enrollments/{id}/outcome", paths);
    }
}
