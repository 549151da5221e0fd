using System.Diagnostics;
using System.Net.Http.Json;

namespace Retention.Testing;

/// <summary>
/// A real SMTP server for tests: <c>maildev</c> from npm (installed into .tools/ on first use), on free loopback
/// ports, with its REST API to read (<see cref="GetEmailsAsync"/>) and clear (<see cref="DeleteAllAsync"/>) what
/// it received. Start one per test class (wrap it in an xunit fixture); dispose to stop it.
/// </summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string mailDirectory;
    private readonly HttpClient http;

    private MaildevServer(Process process, string mailDirectory, int smtpPort, int webPort)
    {
        this.process = process;
        this.mailDirectory = mailDirectory;
        SmtpPort = smtpPort;
        WebPort = webPort;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Host => "127.0.0.1";

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>Starts maildev and waits until both its SMTP and web ports answer; retries on a port taken meanwhile.</summary>
    public static async Task<MaildevServer> StartAsync(TimeSpan? timeout = null)
    {
        var binary = await TestTools.NpmBinaryAsync("maildev");
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var smtpPort = TestTools.FreeTcpPort();
            var webPort = TestTools.FreeTcpPort();
            var mailDirectory = Directory.CreateTempSubdirectory("maildev-").FullName;
            var start = new ProcessStartInfo(binary)
            {
                ArgumentList = { "--smtp", $"{smtpPort}", "--web", $"{webPort}", "--ip", "127.0.0.1", "--mail-directory", mailDirectory, "--silent" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start maildev");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new MaildevServer(process, mailDirectory, smtpPort, webPort);
            try
            {
                using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
                await server.WaitUntilReadyAsync(cts.Token);
                return server;
            }
            catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or InvalidOperationException)
            {
                last = ex;
                await server.DisposeAsync();
            }
        }

        throw new InvalidOperationException("maildev did not start", last);
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public async Task<IReadOnlyList<MaildevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<List<MaildevEmail>>("email", cancellationToken) ?? [];

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived; returns them all, or throws after the timeout.</summary>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForEmailsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var emails = await GetEmailsAsync(cancellationToken);
            if (emails.Count >= count)
            {
                return emails;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"maildev holds {emails.Count} message(s), expected {count}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The raw RFC 822 source of one message (parse it with MimeKit to look at parts and headers).</summary>
    public async Task<Stream> GetSourceAsync(string id, CancellationToken cancellationToken = default) =>
        await http.GetStreamAsync($"email/{Uri.EscapeDataString(id)}/source", cancellationToken);

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync("email/all", cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(mailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with {process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync("healthz", cancellationToken);
                if (response.IsSuccessStatusCode && await SmtpAnswersAsync(cancellationToken))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<bool> SmtpAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, SmtpPort, cancellationToken);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
