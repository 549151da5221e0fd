using System.Diagnostics;
using System.Globalization;

namespace Retention.Testing;

/// <summary>
/// A local <c>@vercel/cosmosdb-server</c> on a free loopback port (HTTPS with a self-signed certificate).
/// It answers the SDK's point reads and writes, ETag preconditions, patch and change feed, not SQL queries.
/// </summary>
public sealed class CosmosServer : IAsyncDisposable
{
    /// <summary>The well-known emulator key; the local server accepts any key.</summary>
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _process;

    private CosmosServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"https://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Installs (first use) and starts the server; throws with the reason when it cannot.</summary>
    public static async Task<CosmosServer> StartAsync()
    {
        var binary = await TestTools.NpmBinaryAsync("cosmosdb-server");
        var port = TestTools.FreeTcpPort();
        var start = new ProcessStartInfo("node", [binary, "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start cosmosdb-server");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new CosmosServer(process, port);
        try
        {
            await TestTools.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
