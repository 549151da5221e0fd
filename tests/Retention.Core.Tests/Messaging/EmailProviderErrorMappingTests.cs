using NodaTime;
using Retention.Core.Email;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class EmailProviderErrorMappingTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 4, 8, 0, 0);

    [Theory]
    [InlineData(429, EmailSendStatus.Throttled)]
    [InlineData(0, EmailSendStatus.Transient)]
    [InlineData(408, EmailSendStatus.Transient)]
    [InlineData(500, EmailSendStatus.Transient)]
    [InlineData(502, EmailSendStatus.Transient)]
    [InlineData(503, EmailSendStatus.Transient)]
    [InlineData(599, EmailSendStatus.Transient)]
    [InlineData(401, EmailSendStatus.Transient)]
    [InlineData(403, EmailSendStatus.Transient)]
    [InlineData(400, EmailSendStatus.Permanent)]
    [InlineData(404, EmailSendStatus.Permanent)]
    [InlineData(409, EmailSendStatus.Permanent)]
    [InlineData(413, EmailSendStatus.Permanent)]
    [InlineData(422, EmailSendStatus.Permanent)]
    public void Maps_http_status_to_a_retry_class(int status, EmailSendStatus expected)
    {
        Assert.Equal(expected, EmailProviderErrorMapping.Map(status, null, null, Now).Status);
    }

    [Fact]
    public void Throttle_carries_retry_after_seconds()
    {
        var result = EmailProviderErrorMapping.Map(429, "TooManyRequests", "42", Now);

        Assert.Equal(EmailSendStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(42), result.RetryAfter);
    }

    [Fact]
    public void Throttle_reads_retry_after_as_an_http_date()
    {
        var result = EmailProviderErrorMapping.Map(429, null, "Thu, 04 Mar 2027 08:01:30 GMT", Now);

        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public void Throttle_prefers_the_millisecond_header()
    {
        var result = EmailProviderErrorMapping.Map(429, null, "60", Now, retryAfterMs: "1500");

        Assert.Equal(TimeSpan.FromMilliseconds(1500), result.RetryAfter);
    }

    [Fact]
    public void Throttle_without_a_readable_retry_after_leaves_the_wait_to_dispatch()
    {
        Assert.Null(EmailProviderErrorMapping.Map(429, null, null, Now).RetryAfter);
        Assert.Null(EmailProviderErrorMapping.Map(429, null, "soon", Now).RetryAfter);
        Assert.Null(EmailProviderErrorMapping.Map(429, null, "-5", Now).RetryAfter);
    }

    [Theory]
    [InlineData("Thu, 04 Mar 2027 07:00:00 GMT", 0)]
    [InlineData("999999999999", 3600)]
    [InlineData("7200", 3600)]
    [InlineData(" 5 ", 5)]
    public void Retry_after_is_never_negative_and_capped(string header, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), EmailProviderErrorMapping.ParseRetryAfter(header, null, Now));
    }

    [Fact]
    public void Huge_millisecond_header_is_capped()
    {
        Assert.Equal(EmailProviderErrorMapping.MaxRetryAfter, EmailProviderErrorMapping.ParseRetryAfter(null, "9223372036854775807", Now));
    }

    [Fact]
    public void Detail_names_status_and_error_code_only()
    {
        var result = EmailProviderErrorMapping.Map(400, "InvalidRecipient <audrey@example.com>", null, Now);

        Assert.Equal(EmailSendStatus.Permanent, result.Status);
        Assert.StartsWith("Email provider HTTP 400 (InvalidRecipient", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("@", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreachable_provider_is_described_as_such()
    {
        Assert.Equal("Email provider unreachable", EmailProviderErrorMapping.Map(0, null, null, Now).Detail);
    }
}
