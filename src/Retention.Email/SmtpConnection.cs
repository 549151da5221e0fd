using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace Retention.Email;

/// <summary>One open SMTP session of the pool, with the time it was last used (to decide on a NOOP check).</summary>
internal sealed class SmtpConnection(SmtpClient client) : IAsyncDisposable
{
    public SmtpClient Client { get; } = client;

    public long LastUsed { get; set; } = Environment.TickCount64;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or ServiceNotConnectedException or OperationCanceledException)
        {
            // Closing a broken connection: nothing to save.
        }
        finally
        {
            Client.Dispose();
        }
    }
}
