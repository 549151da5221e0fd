using System.Text.Json.Nodes;

namespace Retention.Infra.Tests;

/// <summary>The compiled template holds the security posture the AVM modules would give: identity, RBAC, no local auth, TLS 1.2.</summary>
public sealed class InfraSecurityPostureTests
{
    private static async Task<JsonObject> SingleAsync(string type) =>
        Assert.Single((await CompiledTemplate.GetAsync()).Resources(type));

    [Fact]
    public async Task Storage_allows_no_shared_keys_no_public_blobs_and_only_tls12()
    {
        var properties = (await SingleAsync("Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public async Task Service_bus_has_local_auth_off_and_tls12()
    {
        var properties = (await SingleAsync("Microsoft.ServiceBus/namespaces"))["properties"]!;

        Assert.True((bool)properties["disableLocalAuth"]!);
        Assert.Equal("1.2", (string?)properties["minimumTlsVersion"]);
    }

    [Fact]
    public async Task Nudges_queue_detects_duplicates_bounds_deliveries_and_dead_letters_expired_messages()
    {
        var queue = await SingleAsync("Microsoft.ServiceBus/namespaces/queues");
        var properties = queue["properties"]!;

        Assert.True((bool)properties["requiresDuplicateDetection"]!);
        Assert.True(System.Xml.XmlConvert.ToTimeSpan((string)properties["duplicateDetectionHistoryTimeWindow"]!) > TimeSpan.Zero);
        Assert.InRange((int)properties["maxDeliveryCount"]!, 3, 20);
        Assert.True((bool)properties["deadLetteringOnMessageExpiration"]!);
        Assert.False((bool)properties["requiresSession"]!);
    }

    [Fact]
    public async Task Cosmos_is_serverless_with_keys_off_and_tls12()
    {
        var properties = (await SingleAsync("Microsoft.DocumentDB/databaseAccounts"))["properties"]!;

        Assert.True((bool)properties["disableLocalAuth"]!);
        Assert.True((bool)properties["disableKeyBasedMetadataWriteAccess"]!);
        Assert.Equal("Tls12", (string?)properties["minimalTlsVersion"]);
        Assert.Contains("EnableServerless", CompiledTemplate.Text(properties["capabilities"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cosmos_containers_match_the_cosmos_store()
    {
        var containers = (await CompiledTemplate.GetAsync()).Module("cosmos")["variables"]!["containers"]!.AsArray()
            .Select(c => c!.AsObject()).ToDictionary(c => (string)c["name"]!);

        // Retention.Storage.Cosmos: CosmosStoreOptions defaults and CosmosDatabase.*ContainerProperties.
        Assert.Equal("/employerId", (string?)containers["employer-data"]["partitionKey"]);
        Assert.Equal(-1, (int)containers["employer-data"]["defaultTtl"]!);
        Assert.Contains("/createdAtMs/?", CompiledTemplate.Text(containers["employer-data"]["includedPaths"]), StringComparison.Ordinal);
        Assert.Contains("/*", CompiledTemplate.Text(containers["employer-data"]["excludedPaths"]), StringComparison.Ordinal);
        Assert.Contains("/enrollmentId", CompiledTemplate.Text(containers["employer-data"]["compositeIndexes"]), StringComparison.Ordinal);
        Assert.Equal("/id", (string?)containers["api-keys"]["partitionKey"]);
        Assert.Equal("/employerId", (string?)containers["aggregates"]["partitionKey"]);
        Assert.Equal("/regionId", (string?)containers["regions"]["partitionKey"]);
        Assert.Null((int?)containers["regions"]["defaultTtl"]);
        Assert.Equal("[\"/*\"]", CompiledTemplate.Text(containers["regions"]["excludedPaths"]));
        Assert.Equal("/id", (string?)containers["leases"]["partitionKey"]);
        var container = await SingleAsync("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers");
        Assert.Equal("consistent", (string?)container["properties"]!["resource"]!["indexingPolicy"]!["indexingMode"]);
    }

    [Fact]
    public async Task Key_vault_authorises_by_rbac()
    {
        var properties = (await SingleAsync("Microsoft.KeyVault/vaults"))["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
    }

    [Fact]
    public async Task Application_insights_and_log_analytics_accept_entra_auth_only()
    {
        Assert.True((bool)(await SingleAsync("Microsoft.Insights/components"))["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)(await SingleAsync("Microsoft.OperationalInsights/workspaces"))["properties"]!["features"]!["disableLocalAuth"]!);
    }

    [Fact]
    public async Task Role_assignments_are_named_from_resource_principal_and_role()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var assignments = compiled.Resources("Microsoft.Authorization/roleAssignments")
            .Concat(compiled.Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"))
            .ToList();

        Assert.True(assignments.Count >= 12, $"{assignments.Count} role assignments");
        Assert.All(assignments, a =>
        {
            var name = (string)a["name"]!;
            Assert.Contains("guid(resourceId(", name, StringComparison.Ordinal);
            Assert.Matches(@"parameters\('(identity|user)PrincipalId'\)", name);
        });
        var forUser = assignments.Where(a => ((string)a["name"]!).Contains("userPrincipalId", StringComparison.Ordinal)).ToList();
        Assert.Equal(assignments.Count / 2, forUser.Count);
        Assert.All(forUser, a => Assert.Contains("empty(parameters('userPrincipalId'))", (string?)a["condition"] ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_data_service_sends_diagnostics_to_log_analytics()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var modulesWithDiagnostics = new[] { "storage", "service-bus", "cosmos", "communication", "key-vault", "api" };

        Assert.All(modulesWithDiagnostics, module =>
            Assert.Contains("Microsoft.Insights/diagnosticSettings", CompiledTemplate.Text(compiled.Module(module)["resources"]), StringComparison.Ordinal));
    }
}
