using System.Net;
using System.Net.Sockets;

namespace Retention.Feeds;

/// <summary>
/// The HTTP handler's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, drops every address
/// <see cref="RegionFeedAddress.IsAllowed"/> refuses and connects only to a checked one, so the address checked is
/// the address used (no second lookup to rebind).
/// </summary>
internal sealed class GuardedConnector(bool allowLoopback)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var resolved = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (resolved.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = resolved.Where(a => RegionFeedAddress.IsAllowed(a, allowLoopback)).ToArray();
        if (allowed.Length == 0)
        {
            throw new FeedAddressRefusedException(resolved[0]);
        }

        SocketException? lastFailure = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastFailure = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastFailure!;
    }
}
