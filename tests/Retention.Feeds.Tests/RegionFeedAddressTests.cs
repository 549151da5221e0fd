using System.Net;

namespace Retention.Feeds.Tests;

public sealed class RegionFeedAddressTests
{
    [Theory]
    [InlineData("file:///etc/passwd", "scheme file is not allowed (only http and https)")]
    [InlineData("ftp://example.org/events.ics", "scheme ftp is not allowed (only http and https)")]
    [InlineData("/events.ics", "not an absolute URL")]
    [InlineData("events.ics", "not an absolute URL")]
    [InlineData("", "no URL")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "address 169.254.169.254 is not allowed")]
    [InlineData("http://10.1.2.3/events.ics", "address 10.1.2.3 is not allowed")]
    [InlineData("http://[::1]:8080/events.ics", "address ::1 is not allowed")]
    [InlineData("http://[fd00::1]/events.ics", "address fd00::1 is not allowed")]
    [InlineData("http://[::ffff:172.16.0.1]/events.ics", "address ::ffff:172.16.0.1 is not allowed")]
    [InlineData("https://user:secret@example.org/events.ics", "credentials in the URL are not allowed")]
    public void A_url_that_may_not_be_subscribed_is_refused_with_a_reason(string url, string reason)
    {
        Assert.Equal(reason, RegionFeedAddress.Problem(url));
    }

    [Theory]
    [InlineData("https://kommune.example.org/kalender.ics")]
    [InlineData("http://93.184.216.34/events.ics")]
    public void A_public_http_url_may_be_subscribed(string url)
    {
        Assert.Null(RegionFeedAddress.Problem(url));
    }

    [Fact]
    public void Allowing_loopback_allows_loopback_only()
    {
        Assert.Null(RegionFeedAddress.Problem("http://127.0.0.1:5000/events.ics", allowLoopback: true));
        Assert.Equal("address 192.168.0.10 is not allowed", RegionFeedAddress.Problem("http://192.168.0.10/events.ics", allowLoopback: true));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.0.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:101::1")]
    public void An_inner_address_is_refused(string address)
    {
        Assert.False(RegionFeedAddress.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("::ffff:93.184.216.34")]
    public void A_public_address_is_allowed(string address)
    {
        Assert.True(RegionFeedAddress.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Loopback_is_allowed_only_when_asked_for(string address)
    {
        Assert.True(RegionFeedAddress.IsAllowed(IPAddress.Parse(address), allowLoopback: true));
        Assert.False(RegionFeedAddress.IsAllowed(IPAddress.Parse(address), allowLoopback: false));
    }
}
