using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retention.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled once per test run (bicep build to a temp folder), with its build output kept so that
/// the diagnostics can be asserted on as well as the ARM JSON.
/// </summary>
public sealed class CompiledTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CompiledTemplate? compiled;

    private CompiledTemplate(BicepRun build, JsonObject template)
    {
        Build = build;
        Template = template;
    }

    public BicepRun Build { get; }

    public JsonObject Template { get; }

    public static async Task<CompiledTemplate> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (compiled is null)
            {
                var output = Path.Combine(Path.GetTempPath(), "retention-infra-" + Guid.NewGuid().ToString("N"), "main.json");
                var build = await BicepCli.RunAsync(Repository.Infra, "build", "main.bicep", "--outfile", output);
                var template = build.ExitCode == 0 ? JsonNode.Parse(await File.ReadAllTextAsync(output))!.AsObject() : [];
                compiled = new CompiledTemplate(build, template);
            }

            return compiled;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Every resource of the given type in the template and in its nested (module) deployments.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        AllResources(Template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The nested deployment template of a module, by its deployment name.</summary>
    public JsonObject Module(string name) =>
        Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name)["properties"]!["template"]!.AsObject();

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        // Bicep emits resources as an array, or as an object keyed by symbolic name (languageVersion 2.0).
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            // properties may be an expression string (e.g. app settings built with union()).
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static string Text(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "";
}
