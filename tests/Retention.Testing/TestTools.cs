using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Retention.Testing;

/// <summary>Locates the repository and the npm test servers and parsers, installing them on first use.</summary>
public static class TestTools
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The repository root (the folder holding Retention.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Path of an npm binary from tools/package.json (e.g. <c>maildev</c>), running
    /// tools/install-test-tools.sh first if it is not installed yet. Throws with the reason if that fails.
    /// </summary>
    public static Task<string> NpmBinaryAsync(string name) =>
        EnsureInstalledAsync(name, Path.Combine(RepositoryRoot, ".tools", "node_modules", ".bin", name));

    /// <summary>
    /// The folder of an npm library from tools/package.json (e.g. <c>mailparser</c>), installed as
    /// <see cref="NpmBinaryAsync"/> installs binaries. Throws with the reason if that fails.
    /// </summary>
    public static async Task<string> NpmPackageAsync(string name)
    {
        var manifest = await EnsureInstalledAsync(name, Path.Combine(RepositoryRoot, ".tools", "node_modules", name, "package.json"));
        return Path.GetDirectoryName(manifest)!;
    }

    /// <summary>An executable found on PATH (e.g. <c>node</c>), or null.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static async Task<string> EnsureInstalledAsync(string name, string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                // A file lock too, because test assemblies run in parallel processes.
                var lockPath = Path.Combine(RepositoryRoot, ".tools.lock");
                using var fileLock = await AcquireFileLockAsync(lockPath);
                if (!File.Exists(path))
                {
                    await RunAsync("bash", Path.Combine(RepositoryRoot, "tools", "install-test-tools.sh"), TimeSpan.FromMinutes(5));
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return File.Exists(path) ? path : throw new InvalidOperationException($"{name} is not in .tools after tools/install-test-tools.sh");
    }

    /// <summary>A TCP port on the loopback interface that was free a moment ago.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task RunAsync(string file, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {await stderr}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Retention.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Retention.sln not found above " + AppContext.BaseDirectory);
    }
}
