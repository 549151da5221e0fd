using System.Text.Json.Nodes;

namespace Retention.Infra.Tests;

/// <summary>The Function App module and the outputs of the compiled template: Flex Consumption, identity-based settings, azd outputs.</summary>
public sealed class FunctionAppTemplateTests
{
    private static async Task<JsonObject> SingleAsync(string type) =>
        Assert.Single((await CompiledTemplate.GetAsync()).Resources(type));

    [Fact]
    public async Task Function_app_runs_on_flex_consumption_as_the_user_assigned_identity_over_https()
    {
        var plan = await SingleAsync("Microsoft.Web/serverfarms");
        var site = await SingleAsync("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("dotnet-isolated", (string?)site["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        Assert.Equal("UserAssignedIdentity", (string?)site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Contains("'azd-service-name', 'api'", (string?)site["tags"], StringComparison.Ordinal);
        var policies = (await CompiledTemplate.GetAsync()).Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies");
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public async Task App_settings_use_identity_based_connections_and_hold_no_secrets()
    {
        var settings = (await CompiledTemplate.GetAsync()).Module("api");
        var text = CompiledTemplate.Text(settings) + CompiledTemplate.Text((await CompiledTemplate.GetAsync()).Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "api"));

        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", text, StringComparison.Ordinal);
        Assert.Contains("CosmosDBConnection__accountEndpoint", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__credential", text, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(VaultName=", text, StringComparison.Ordinal);
        Assert.Contains("Retention__Rendering__PublicBaseUrl", text, StringComparison.Ordinal);
        Assert.Contains("Retention__Storage__Cosmos__DataContainer", text, StringComparison.Ordinal);
        Assert.Contains("Retention__Storage__Cosmos__RegionsContainer", text, StringComparison.Ordinal);
        foreach (var secretMarker in new[] { "AccountKey=", "SharedAccessKey=", "InstrumentationKey=", "listKeys(", "listConnectionStrings(" })
        {
            Assert.DoesNotContain(secretMarker, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_NAME")]
    [InlineData("SERVICE_API_NAME")]
    [InlineData("AZURE_COSMOS_ENDPOINT")]
    [InlineData("AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE")]
    [InlineData("AZURE_COMMUNICATION_ENDPOINT")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    public async Task Outputs_are_named_for_azd(string output)
    {
        var outputs = (await CompiledTemplate.GetAsync()).Template["outputs"]!.AsObject();

        Assert.True(outputs.ContainsKey(output), output);
        Assert.Equal("string", (string?)outputs[output]!["type"]);
    }
}
