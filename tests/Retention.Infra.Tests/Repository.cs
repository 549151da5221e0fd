using Retention.Testing;

namespace Retention.Infra.Tests;

/// <summary>Paths of the deployment files under test.</summary>
public static class Repository
{
    public static string Root => TestTools.RepositoryRoot;

    public static string Infra => Path.Combine(Root, "infra");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
