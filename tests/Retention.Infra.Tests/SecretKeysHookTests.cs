using System.Diagnostics;

namespace Retention.Infra.Tests;

/// <summary>
/// infra/hooks/ensure-secret-keys.sh, the azd preprovision hook, run for real with sh and openssl; `azd` and
/// `az` are stand-in scripts on the PATH that record their arguments. It keeps two keys: the link-signing key and
/// the privacy-hash key.
/// </summary>
public sealed class SecretKeysHookTests : IDisposable
{
    private readonly string bin = Directory.CreateTempSubdirectory("retention-hook-").FullName;

    private string AzdLog => Path.Combine(bin, "azd.log");

    public SecretKeysHookTests()
    {
        WriteScript("azd", $"echo \"$@\" >> '{AzdLog}'");
    }

    public void Dispose() => Directory.Delete(bin, recursive: true);

    private void WriteScript(string name, string body)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<int> RunHookAsync(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("sh", Path.Combine(Repository.Infra, "hooks", "ensure-secret-keys.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("RETENTION_LINK_SIGNING_KEY");
        start.Environment.Remove("RETENTION_PRIVACY_HASH_KEY");
        start.Environment.Remove("AZURE_KEY_VAULT_NAME");
        start.Environment["PATH"] = bin + ":/usr/bin:/bin";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private string[] AzdCalls() => File.Exists(AzdLog) ? File.ReadAllLines(AzdLog) : [];

    [SkippableFact]
    public async Task Generates_two_different_base64_keys_of_32_bytes_when_the_environment_has_none()
    {
        Skip.IfNot(File.Exists("/usr/bin/openssl"), "openssl is not installed");

        Assert.Equal(0, await RunHookAsync(new Dictionary<string, string>()));

        var calls = AzdCalls().Select(c => c.Split(' ')).ToList();
        Assert.Equal(["RETENTION_LINK_SIGNING_KEY", "RETENTION_PRIVACY_HASH_KEY"], calls.Select(c => c[2]));
        Assert.All(calls, call => Assert.Equal(["env", "set"], call[..2]));
        Assert.All(calls, call => Assert.Equal(32, Convert.FromBase64String(call[3]).Length));
        Assert.NotEqual(calls[0][3], calls[1][3]);
    }

    [Fact]
    public async Task Keeps_a_key_the_environment_already_has()
    {
        Assert.Equal(0, await RunHookAsync(new Dictionary<string, string> { ["RETENTION_LINK_SIGNING_KEY"] = "existing", ["RETENTION_PRIVACY_HASH_KEY"] = "kept" }));

        Assert.Empty(AzdCalls());
    }

    [Fact]
    public async Task Reads_the_key_back_from_key_vault_on_a_fresh_clone()
    {
        const string signing = "c3RvcmVkIGtleSBvZiB0aGlydHktdHdvIGJ5dGVzISE=";
        const string hashing = "aGFzaGluZyBrZXkgb2YgdGhpcnR5LXR3byBieXRlcyE=";
        WriteScript("az", $"case \"$*\" in *link-signing-key*) echo '{signing}';; *privacy-hash-key*) echo '{hashing}';; esac");

        Assert.Equal(0, await RunHookAsync(new Dictionary<string, string> { ["AZURE_KEY_VAULT_NAME"] = "kv-test" }));

        Assert.Equal([$"env set RETENTION_LINK_SIGNING_KEY {signing}", $"env set RETENTION_PRIVACY_HASH_KEY {hashing}"], AzdCalls());
    }

    [Fact]
    public void Azure_yaml_runs_the_hook_before_provisioning()
    {
        var yaml = File.ReadAllText(Repository.File("azure.yaml"));

        Assert.Contains("preprovision:", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/ensure-secret-keys.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./infra/hooks/ensure-secret-keys.ps1", yaml, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Infra, "hooks", "ensure-secret-keys.ps1")));
    }
}
