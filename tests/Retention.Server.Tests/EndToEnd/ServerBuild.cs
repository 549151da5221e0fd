using System.Reflection;
using Retention.Testing;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The built server, <c>src/Retention.Server/bin/&lt;Configuration&gt;/&lt;tfm&gt;/Retention.Server.dll</c>, in the same
/// configuration and framework as this test assembly (the project reference builds it first).
/// </summary>
internal static class ServerBuild
{
    private static readonly Lazy<string> Located = new(Find);

    /// <summary>The server's entry assembly; throws with the expected path when it is not built.</summary>
    public static string Dll => Located.Value;

    private static string Find()
    {
        // The test assembly sits in tests/<project>/bin/<Configuration>/<tfm>/; the server in the same shape under src/.
        var testDirectory = new DirectoryInfo(Path.GetDirectoryName(typeof(ServerBuild).Assembly.Location)!);
        var framework = testDirectory.Name;
        var configuration = typeof(ServerBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? testDirectory.Parent!.Name;
        var path = Path.Combine(TestTools.RepositoryRoot, "src", "Retention.Server", "bin", configuration, framework, "Retention.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"the server is not built at {path}: build tests/Retention.Server.Tests first", path);
    }
}
