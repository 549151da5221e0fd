using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Retention.Core.Email;

namespace Retention.Email;

/// <summary>
/// Sends over SMTP with MailKit, reusing a small pool of open connections (reconnecting after a failure).
/// <para>
/// SMTP cannot dedupe at the server: there is no idempotency key in the protocol. Towards SMTP, delivery is
/// therefore at least once, narrowed to "exactly once unless the process dies between the server's 250 and
/// the dispatcher marking the nudge sent" — which the dispatcher does straight after this returns. A replay
/// carries the same <c>Message-Id</c> (derived from the key), so a receiving system or a test can spot it.
/// </para>
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions smtp;
    private readonly string messageIdDomain;
    private readonly ILogger logger;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentBag<PooledConnection> idle = [];
    private readonly string host;
    private int connectionsOpened;

    public SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        smtp = options.Value.Smtp;
        messageIdDomain = options.Value.MessageIdDomain;
        this.logger = logger;
        slots = new SemaphoreSlim(smtp.PoolSize, smtp.PoolSize);
        host = string.IsNullOrWhiteSpace(smtp.Host)
            ? throw new InvalidOperationException($"{EmailOptions.SectionName}:Smtp:Host is not set.")
            : smtp.Host;
    }

    /// <summary>Connections opened so far (reuse keeps this small).</summary>
    public int ConnectionsOpened => Volatile.Read(ref connectionsOpened);

    public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IdempotencyStamp.Apply(message, idempotencyKey, messageIdDomain);
        await slots.WaitAsync(cancellationToken);
        PooledConnection? connection = null;
        try
        {
            connection = await ReadyConnectionAsync(cancellationToken);
            await connection.Client.SendAsync(message, cancellationToken);
            connection.LastUsed = Environment.TickCount64;
            idle.Add(connection);
            connection = null;
            return EmailSendResult.Sent;
        }
        catch (SmtpCommandException ex)
        {
            // A rejected command leaves the session usable (MailKit resets it) unless the server hung up (421).
            if (connection is not null && connection.Client.IsConnected && (int)ex.StatusCode != 421)
            {
                idle.Add(connection);
                connection = null;
            }

            return Failed(SmtpErrorMapping.Map(ex));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or MailKit.ProtocolException
            or SslHandshakeException or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or TimeoutException or OperationCanceledException)
        {
            return Failed(EmailSendResult.Transient("smtp " + ex.GetType().Name));
        }
        catch (InvalidOperationException ex)
        {
            // MailKit refuses a message without sender or recipients before talking to the server.
            if (connection is not null)
            {
                idle.Add(connection);
                connection = null;
            }

            return Failed(EmailSendResult.Permanent("message not sendable: " + ex.GetType().Name));
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }

        slots.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private EmailSendResult Failed(EmailSendResult result)
    {
        EmailLog.SmtpFailed(logger, result.Detail ?? "", result.Status.ToString());
        return result;
    }

    private async Task<PooledConnection> ReadyConnectionAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var reused))
        {
            if (reused.Client.IsConnected && await IsAliveAsync(reused, cancellationToken))
            {
                return reused;
            }

            await reused.DisposeAsync();
        }

        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        Interlocked.Increment(ref connectionsOpened);
        EmailLog.SmtpConnected(logger, host, smtp.Port);
        return new PooledConnection(client) { LastUsed = Environment.TickCount64 };
    }

    private async Task<bool> IsAliveAsync(PooledConnection connection, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 - connection.LastUsed < smtp.IdleCheckAfter.TotalMilliseconds)
        {
            return true;
        }

        try
        {
            await connection.Client.NoOpAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
        {
            EmailLog.SmtpStale(logger, ex.GetType().Name);
            return false;
        }
    }

    private sealed class PooledConnection(SmtpClient client) : IAsyncDisposable
    {
        public SmtpClient Client { get; } = client;

        public long LastUsed { get; set; }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (Client.IsConnected)
                {
                    await Client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or MailKit.ProtocolException or ServiceNotConnectedException)
            {
                // Closing a broken connection: nothing to save.
            }
            finally
            {
                Client.Dispose();
            }
        }
    }
}
