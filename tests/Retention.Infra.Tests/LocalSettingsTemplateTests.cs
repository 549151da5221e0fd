using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Retention.Infra.Tests;

/// <summary>
/// functions/local.settings.json.template and the app settings in infra agree with the triggers: every trigger
/// connection is configured, identity-based, in both; no secret is written into either.
/// </summary>
public sealed partial class LocalSettingsTemplateTests
{
    private static JsonObject Values() =>
        JsonNode.Parse(File.ReadAllText(Repository.File("functions", "local.settings.json.template")))!["Values"]!.AsObject();

    private static IReadOnlyList<string> TriggerConnections() =>
        Directory.GetFiles(Repository.File("functions"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ConnectionPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Runs_the_isolated_worker_against_local_storage()
    {
        Assert.Equal("dotnet-isolated", (string?)Values()["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", (string?)Values()["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Every_trigger_connection_is_identity_based_in_the_template()
    {
        var connections = TriggerConnections();

        Assert.Equal(["CosmosDBConnection", "ServiceBusConnection"], connections.Order(StringComparer.Ordinal));
        Assert.True(Values().ContainsKey("ServiceBusConnection__fullyQualifiedNamespace"));
        Assert.True(Values().ContainsKey("CosmosDBConnection__accountEndpoint"));
    }

    [Fact]
    public async Task Every_trigger_connection_is_identity_based_in_the_deployed_app_settings()
    {
        var settings = CompiledTemplate.Text((await CompiledTemplate.GetAsync()).Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "api"));

        Assert.All(TriggerConnections(), connection =>
        {
            Assert.Contains(connection + "__credential", settings, StringComparison.Ordinal);
            Assert.Contains(connection + "__clientId", settings, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Template_holds_no_keys_or_connection_string_secrets()
    {
        var text = File.ReadAllText(Repository.File("functions", "local.settings.json.template"));

        foreach (var marker in new[] { "AccountKey=", "SharedAccessKey=", "InstrumentationKey=", "AccountEndpoint=" })
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Local_settings_file_itself_is_not_committed()
    {
        var ignored = File.ReadAllLines(Repository.File(".gitignore"));

        Assert.Contains("local.settings.json", ignored);
        Assert.False(File.Exists(Repository.File("functions", "local.settings.json")));
    }

    [Fact]
    public async Task Triggers_name_the_queue_and_containers_through_settings_that_infra_and_the_template_set()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var settings = CompiledTemplate.Text(compiled.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "api"));
        var code = string.Join("\n", Directory.GetFiles(Repository.File("functions"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var containers = compiled.Module("cosmos")["variables"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!).ToHashSet(StringComparer.Ordinal);

        // The triggers read the options' own settings (binding expressions), so infra and the template must set each one.
        string[] bound = ["Retention:ServiceBus:QueueName", "Retention:Storage:Cosmos:Database", "Retention:Storage:Cosmos:DataContainer"];
        Assert.Contains("ServiceBusTrigger(QueueSetting", code, StringComparison.Ordinal);
        Assert.Contains("CosmosDBTrigger(DatabaseSetting, DataContainerSetting", code, StringComparison.Ordinal);
        Assert.All(bound, setting =>
        {
            var appSetting = setting.Replace(":", "__", StringComparison.Ordinal);
            Assert.Contains(appSetting, settings, StringComparison.Ordinal);
            Assert.True(Values().ContainsKey(appSetting), appSetting + " missing from local.settings.json.template");
        });
        Assert.Contains("var queueName = 'nudges'", File.ReadAllText(Path.Combine(Repository.Infra, "main.bicep")), StringComparison.Ordinal);
        Assert.Contains("employer-data", containers);
        Assert.Contains("leases", containers);
    }

    [GeneratedRegex("Connection = \"([A-Za-z]+)\"")]
    private static partial Regex ConnectionPattern();
}
