using System.Text.Json.Nodes;

namespace Retention.Infra.Tests;

/// <summary>infra/main.parameters.json: what azd substitutes into main.bicep's parameters.</summary>
public sealed class MainParametersTests
{
    private static JsonObject Parameters() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

    private static string Value(string name) => (string)Parameters()[name]!["value"]!;

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void Passes_the_azd_variables(string parameter, string expected)
    {
        Assert.Equal(expected, Value(parameter));
    }

    [Fact]
    public void The_link_signing_and_privacy_hash_keys_come_from_the_azd_environment()
    {
        Assert.Equal("${RETENTION_LINK_SIGNING_KEY}", Value("linkSigningKey"));
        Assert.Equal("${RETENTION_PRIVACY_HASH_KEY}", Value("privacyHashKey"));
    }

    [Fact]
    public async Task Every_parameter_exists_in_main_bicep_and_every_required_one_is_given()
    {
        var declared = (await CompiledTemplate.GetAsync()).Template["parameters"]!.AsObject();
        var given = Parameters().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var required = declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.Subset(declared.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), given);
        Assert.All(required, name => Assert.Contains(name, given));
        Assert.Contains("linkSigningKey", required);
        Assert.Contains("privacyHashKey", required);
    }

    [Fact]
    public async Task Output_that_the_signing_key_expression_reads_exists()
    {
        var outputs = (await CompiledTemplate.GetAsync()).Template["outputs"]!.AsObject();

        Assert.True(outputs.ContainsKey("AZURE_KEY_VAULT_NAME"));
    }
}
