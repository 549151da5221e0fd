using System.Diagnostics;
using System.Text;
using Retention.Testing;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The built server (<c>src/Retention.Server/bin/&lt;Configuration&gt;/&lt;tfm&gt;/Retention.Server.dll</c>, the same
/// configuration as this test assembly) run as a real process on a free loopback port. Its output is kept for
/// failure messages. <see cref="Kill"/> sends SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the server wrote (stdout and stderr), for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                var text = output.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> as <c>--key=value</c> arguments and waits until <c>/health</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = TestTools.FreeTcpPort();
        var start = Arguments(settings);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var server = new ServerProcess(Start(start), port);
        server.Capture();
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"the server exited at start with {server.process.ExitCode}:\n{server.Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (watch.Elapsed > timeout)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"the server did not answer /health within {timeout}:\n{server.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Runs a CLI verb (e.g. <c>keys create --employer acme</c>) to completion; returns its standard output.</summary>
    public static async Task<string> RunCliAsync(IReadOnlyList<string> verb, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var (exitCode, stdout, stderr) = await RunToExitAsync(verb, settings, timeout);
        return exitCode == 0 ? stdout : throw new InvalidOperationException($"{string.Join(' ', verb)} exited with {exitCode}: {stderr}");
    }

    /// <summary>Runs the server with these arguments and settings until it exits by itself: its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { ServerBuild.Dll } };
        foreach (var word in arguments)
        {
            start.ArgumentList.Add(word);
        }

        foreach (var argument in Arguments(settings).ArgumentList.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"the server did not exit within {timeout}: {await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL on Linux: the process dies at once, mid-whatever, like a power cut.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                await KillAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private static ProcessStartInfo Arguments(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { ServerBuild.Dll } };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        return start;
    }

    private static Process Start(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetDirectoryName(ServerBuild.Dll)!;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    private void Capture()
    {
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.Length > 64_000)
                {
                    output.Remove(0, output.Length - 16_000);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
