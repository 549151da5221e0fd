using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Retention.Email.Tests;

/// <summary>
/// A minimal SMTP server on a loopback port that answers from a script, to drive the replies maildev never
/// gives (throttling, rejections) and dropped connections through the real MailKit client.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public ScriptedSmtpServer()
    {
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The reply to RCPT TO (default 250).</summary>
    public string RcptReply { get; set; } = "250 2.1.5 OK";

    /// <summary>The reply after the message data (default 250).</summary>
    public string DataReply { get; set; } = "250 2.0.0 queued";

    /// <summary>Close the connection right after each accepted message (a server dropping idle clients).</summary>
    public bool DropAfterEachMessage { get; set; }

    public int Connections => connections;

    public int MessagesAccepted => messagesAccepted;

    private int connections;
    private int messagesAccepted;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 scripted ESMTP");
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-scripted\r\n250 8BITMIME");
                            break;
                        case "RCPT":
                            await writer.WriteLineAsync(RcptReply);
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go ahead");
                            while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                            {
                            }

                            // Counted before the reply goes out: once the client has its 250, the test may read the count.
                            var reply = DataReply;
                            var accepted = reply.StartsWith('2');
                            if (accepted)
                            {
                                Interlocked.Increment(ref messagesAccepted);
                            }

                            await writer.WriteLineAsync(reply);
                            if (accepted && DropAfterEachMessage)
                            {
                                return;
                            }

                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }
}
