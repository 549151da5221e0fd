using System.Globalization;
using NodaTime;
using Retention.Core.Email;

namespace Retention.Core.Messaging;

/// <summary>
/// Maps a failed HTTP e-mail provider call (Azure Communication Services Email) to the retry rules of dispatch.
/// <list type="bullet">
/// <item>429 → Throttled, waiting as long as the provider asks (<c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, then <c>Retry-After</c> in seconds or as an HTTP-date).</item>
/// <item>0 (no response: DNS, connection, timeout), 408 and every 5xx → Transient.</item>
/// <item>401 and 403 → Transient, deliberately: they say the <em>sender</em> is not (yet) authorised — a role
/// assignment still propagating after <c>azd up</c>, a domain not linked yet — not that this message is bad, and
/// failing every nudge due in those minutes for good would be the wrong outcome. The dispatcher's attempt limit
/// still ends a lasting misconfiguration as Failed.</item>
/// <item>Every other 4xx → Permanent (the request itself is wrong: bad address, content rejected).</item>
/// </list>
/// Details carry the status and the provider's error code only, never the response text (it may quote addresses).
/// </summary>
public static class EmailProviderErrorMapping
{
    /// <summary>A provider asking for longer than this is capped: the nudge is re-tried and throttled again if need be.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    public static EmailSendResult Map(int status, string? errorCode, string? retryAfter, Instant now, string? retryAfterMs = null)
    {
        var detail = Detail(status, errorCode);
        return status switch
        {
            429 => EmailSendResult.Throttled(ParseRetryAfter(retryAfter, retryAfterMs, now), detail),
            0 or 408 or (>= 500 and <= 599) => EmailSendResult.Transient(detail),
            401 or 403 => EmailSendResult.Transient(detail),
            >= 400 and <= 499 => EmailSendResult.Permanent(detail),
            _ => EmailSendResult.Transient(detail),
        };
    }

    /// <summary>
    /// The wait a response asks for: milliseconds headers first (Azure's own, more precise), then <c>Retry-After</c>
    /// as delta-seconds or an HTTP-date relative to <paramref name="now"/>. Null when absent or unreadable;
    /// never negative; capped at <see cref="MaxRetryAfter"/>.
    /// </summary>
    public static TimeSpan? ParseRetryAfter(string? retryAfter, string? retryAfterMs, Instant now)
    {
        if (retryAfterMs is not null
            && long.TryParse(retryAfterMs.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return milliseconds > MaxRetryAfter.TotalMilliseconds ? MaxRetryAfter : TimeSpan.FromMilliseconds(milliseconds);
        }

        if (string.IsNullOrWhiteSpace(retryAfter))
        {
            return null;
        }

        var text = retryAfter.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > MaxRetryAfter.TotalSeconds ? MaxRetryAfter : TimeSpan.FromSeconds(seconds);
        }

        // RFC 9110 HTTP-date (IMF-fixdate, "R" in .NET); a date in the past means "now".
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
        {
            var wait = Instant.FromDateTimeOffset(date) - now;
            return Cap(wait < Duration.Zero ? TimeSpan.Zero : wait.ToTimeSpan());
        }

        return null;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait > MaxRetryAfter ? MaxRetryAfter : wait;

    private static string Detail(int status, string? errorCode)
    {
        var code = string.IsNullOrWhiteSpace(errorCode) ? "" : " " + Sanitize(errorCode);
        return status == 0
            ? "Email provider unreachable" + code
            : string.Create(CultureInfo.InvariantCulture, $"Email provider HTTP {status}{code}");
    }

    // Error codes are short identifiers ("TooManyRequests"); keep only such characters so nothing else leaks.
    private static string Sanitize(string errorCode)
    {
        var kept = new string(errorCode.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-').Take(64).ToArray());
        return kept.Length == 0 ? "" : "(" + kept + ")";
    }
}
