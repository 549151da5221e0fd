using System.Text.Json.Nodes;

namespace Retention.Functions.Tests;

/// <summary>The <c>functions.metadata</c> the Worker SDK's generator wrote into the Functions app's build output.</summary>
public static class GeneratedFunctionMetadata
{
    /// <summary>functions/bin/&lt;configuration&gt;/&lt;framework&gt;/, the configuration and framework this test assembly was built with.</summary>
    public static string OutputDirectory
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Retention.Testing.TestTools.RepositoryRoot, "functions", "bin", framework.Parent!.Name, framework.Name);
        }
    }

    public static IReadOnlyList<JsonObject> Functions()
    {
        var path = Path.Combine(OutputDirectory, "functions.metadata");
        Assert.True(File.Exists(path), path + " was not generated");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(f => f!.AsObject()).ToList();
    }

    public static JsonObject Trigger(JsonObject function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));
    }
}
