using YamlDotNet.RepresentationModel;

namespace Retention.Infra.Tests;

/// <summary>azure.yaml: the azd project file that `azd up` reads.</summary>
public sealed class AzureYamlTests
{
    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Repository.File("azure.yaml")));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void Names_the_project()
    {
        Assert.Equal("retention", Scalar(Load(), "name"));
    }

    [Fact]
    public void Deploys_the_functions_project_as_a_dotnet_function_app()
    {
        var services = (YamlMappingNode)Load().Children[new YamlScalarNode("services")];
        var api = (YamlMappingNode)services.Children[new YamlScalarNode("api")];

        Assert.Equal("function", Scalar(api, "host"));
        Assert.Equal("dotnet", Scalar(api, "language"));
        var project = Path.GetFullPath(Path.Combine(Repository.Root, Scalar(api, "project")));
        Assert.True(Directory.Exists(project), project);
        Assert.Single(Directory.GetFiles(project, "*.csproj"));
    }

    [Fact]
    public void Service_name_matches_the_azd_service_tag_on_the_function_app()
    {
        var services = (YamlMappingNode)Load().Children[new YamlScalarNode("services")];
        var serviceName = ((YamlScalarNode)services.Children.Keys.Single()).Value!;
        var functionApp = File.ReadAllText(Path.Combine(Repository.Infra, "modules", "function-app.bicep"));

        Assert.Contains($"'azd-service-name': '{serviceName}'", functionApp, StringComparison.Ordinal);
    }
}
