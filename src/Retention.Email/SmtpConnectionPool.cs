using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;

namespace Retention.Email;

/// <summary>
/// At most <see cref="SmtpOptions.PoolSize"/> SMTP sessions, reused across sends. A session idle for a while is
/// checked with NOOP before use (servers drop idle clients); a broken one is disposed and replaced.
/// </summary>
internal sealed class SmtpConnectionPool(SmtpOptions options, string host, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim slots = new(options.PoolSize, options.PoolSize);
    private readonly ConcurrentBag<SmtpConnection> idle = [];
    private int opened;

    public int Opened => Volatile.Read(ref opened);

    /// <summary>Waits for a slot and returns a ready session; hand it back with <see cref="ReturnAsync"/>.</summary>
    public async Task<SmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            while (idle.TryTake(out var reused))
            {
                if (reused.Client.IsConnected && await IsAliveAsync(reused, cancellationToken))
                {
                    return reused;
                }

                await reused.DisposeAsync();
            }

            return await OpenAsync(cancellationToken);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    /// <summary>Frees the slot; a session still usable goes back to the pool, a broken one is closed.</summary>
    public async Task ReturnAsync(SmtpConnection connection, bool usable)
    {
        try
        {
            if (usable && connection.Client.IsConnected)
            {
                connection.LastUsed = Environment.TickCount64;
                idle.Add(connection);
            }
            else
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
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

    private async Task<SmtpConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        Socket? socket = null;
        try
        {
            // Our own socket so that Nagle is off: MailKit writes the end of a message (".") as a small segment after
            // the body, and with Nagle on it waits for the server's delayed ACK (~40 ms) — measured 44 messages/s
            // over 4 connections to a local sink. The client then owns the socket.
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(host, options.Port, cancellationToken);
            await client.ConnectAsync(socket, host, options.Port, options.Security, cancellationToken);
            socket = null;
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }
        catch
        {
            socket?.Dispose();
            client.Dispose();
            throw;
        }

        Interlocked.Increment(ref opened);
        EmailLog.SmtpConnected(logger, host, options.Port);
        return new SmtpConnection(client);
    }

    private async Task<bool> IsAliveAsync(SmtpConnection connection, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 - connection.LastUsed < options.IdleCheckAfter.TotalMilliseconds)
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
}
