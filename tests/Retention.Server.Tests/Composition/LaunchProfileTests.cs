using System.Text.Json.Nodes;
using Retention.Testing;

namespace Retention.Server.Tests.Composition;

/// <summary>
/// <c>dotnet run</c> applies the launch profile's environment variables over the shell's, so a profile that set
/// <c>ASPNETCORE_ENVIRONMENT</c> made <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> run as Development.
/// </summary>
public sealed class LaunchProfileTests
{
    [Fact]
    public void No_launch_profile_overrides_the_environment_the_shell_chooses()
    {
        var path = Path.Combine(TestTools.RepositoryRoot, "src", "Retention.Server", "Properties", "launchSettings.json");
        var profiles = JsonNode.Parse(File.ReadAllText(path))!["profiles"]!.AsObject();

        Assert.NotEmpty(profiles);
        foreach (var (_, profile) in profiles)
        {
            var variables = profile!["environmentVariables"]?.AsObject().Select(v => v.Key) ?? [];
            Assert.DoesNotContain(variables, v => v is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT");
            Assert.Equal("http://localhost:5080", profile["applicationUrl"]?.GetValue<string>());
        }
    }
}
