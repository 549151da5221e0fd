using System.Net;
using System.Net.Sockets;

namespace Retention.Feeds;

/// <summary>
/// Which feed URLs and which network addresses a feed may be fetched from: public <c>http</c>/<c>https</c> only,
/// never the service's own network (loopback, private, link-local such as the cloud metadata endpoint, CGNAT,
/// multicast). The URL check runs before a feed is stored and on each redirect; the address check runs on the
/// resolved address at connect time, so a name that resolves (or rebinds) inwards is refused too.
/// </summary>
public static class RegionFeedAddress
{
    /// <summary>Why <paramref name="url"/> may not be subscribed, in words fit for an API answer; null when it may.</summary>
    public static string? Problem(string? url, bool allowLoopback = false)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "no URL";
        }

        var text = url.Trim();

        // On Unix "/feed.ics" parses as an absolute file URI: a path without a scheme is still a relative URL.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return "not an absolute URL";
        }

        return Problem(uri, allowLoopback);
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed (public unicast, or loopback when allowed).</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback = false)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    internal static string? Problem(Uri uri, bool allowLoopback)
    {
        if (!uri.IsAbsoluteUri)
        {
            return "not an absolute URL";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"scheme {uri.Scheme} is not allowed (only http and https)";
        }

        if (uri.UserInfo.Length > 0)
        {
            // They would be stored and shown with the feed.
            return "credentials in the URL are not allowed";
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            return "no host";
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) && !IsAllowed(literal, allowLoopback))
        {
            return $"address {literal} is not allowed";
        }

        return null;
    }

    private static bool IsPublicV4(byte[] b) =>
        !(b[0] == 0 // "this network", unspecified
          || b[0] == 10
          || b[0] == 127
          || (b[0] == 100 && (b[1] & 0xC0) == 64) // CGNAT 100.64/10
          || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
          || (b[0] == 172 && (b[1] & 0xF0) == 16)
          || (b[0] == 192 && b[1] == 168)
          || b[0] >= 224); // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();

        // ::/96 holds the unspecified address and the deprecated IPv4-compatible forms.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that must be public too.
        if (b.AsSpan(0, 12).SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }))
        {
            return IsPublicV4(b[12..16]);
        }

        return b[0] != 0x20 || b[1] != 0x02 || IsPublicV4(b[2..6]);
    }
}
