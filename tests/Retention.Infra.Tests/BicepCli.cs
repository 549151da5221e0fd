using System.Diagnostics;
using System.Reflection;

namespace Retention.Infra.Tests;

/// <summary>Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 NuGet package (path recorded at build time).</summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, and no reaching for the network from a test.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var metadata = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var candidates = new List<string>();
        if (metadata.GetValueOrDefault("BicepPath") is { Length: > 0 } bicepPath)
        {
            candidates.Add(bicepPath.Replace('\\', '/'));
        }

        if (metadata.GetValueOrDefault("BicepPackageRoot") is { Length: > 0 } root)
        {
            candidates.Add(System.IO.Path.Combine(root, "tools", "bicep"));
        }

        var found = candidates.Select(System.IO.Path.GetFullPath).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The bicep binary of Azure.Bicep.CommandLine.linux-x64 was not found; tried: " + string.Join(", ", candidates));

        // NuGet extracts without the execute bit on some machines.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(found);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(found, mode | UnixFileMode.UserExecute);
            }
        }

        return found;
    }
}
