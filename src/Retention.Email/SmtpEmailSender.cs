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
/// SMTP cannot dedupe at the server: the protocol has no idempotency key. Towards SMTP, delivery is therefore
/// at least once, narrowed to "exactly once unless the process dies between the server's 250 and the
/// dispatcher marking the nudge sent" — which the dispatcher does straight after this returns. A replay
/// carries the same <c>Message-Id</c> (derived from the key), so a receiving system or a test can spot it.
/// </para>
/// </summary>
public sealed class SmtpEmailSender : IEmailSender, IAsyncDisposable, IDisposable
{
    private readonly string messageIdDomain;
    private readonly ILogger logger;
    private readonly SmtpConnectionPool pool;

    public SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var smtp = options.Value.Smtp;
        var host = string.IsNullOrWhiteSpace(smtp.Host)
            ? throw new InvalidOperationException($"{EmailOptions.SectionName}:Smtp:Host is not set.")
            : smtp.Host;
        messageIdDomain = options.Value.MessageIdDomain;
        this.logger = logger;
        pool = new SmtpConnectionPool(smtp, host, logger);
    }

    /// <summary>Connections opened so far (reuse keeps this small).</summary>
    public int ConnectionsOpened => pool.Opened;

    public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        IdempotencyStamp.Apply(message, idempotencyKey, messageIdDomain);
        SmtpConnection? connection = null;
        var usable = false;
        try
        {
            connection = await pool.RentAsync(cancellationToken);
            await connection.Client.SendAsync(message, cancellationToken);
            usable = true;
            return EmailSendResult.Sent;
        }
        catch (SmtpCommandException ex)
        {
            // A rejected command leaves the session usable (MailKit resets it) unless the server hung up (421).
            usable = (int)ex.StatusCode != 421;
            return Failed(SmtpErrorMapping.Map(ex));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or SslHandshakeException
            or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or TimeoutException or OperationCanceledException)
        {
            return Failed(EmailSendResult.Transient("smtp " + ex.GetType().Name));
        }
        catch (InvalidOperationException ex)
        {
            // MailKit refuses a message without sender or recipients before it talks to the server.
            usable = true;
            return Failed(EmailSendResult.Permanent("message not sendable: " + ex.GetType().Name));
        }
        finally
        {
            if (connection is not null)
            {
                await pool.ReturnAsync(connection, usable);
            }
        }
    }

    public ValueTask DisposeAsync() => pool.DisposeAsync();

    public void Dispose() => pool.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private EmailSendResult Failed(EmailSendResult result)
    {
        EmailLog.SmtpFailed(logger, result.Detail ?? "", result.Status.ToString());
        return result;
    }
}
