using System.Buffers;
using System.Globalization;
using System.Text;

namespace Retention.Feeds;

/// <summary>Reads a feed's body as text, stopping as soon as it passes the byte limit.</summary>
internal static class FeedBody
{
    // Municipal servers often send .ics as octet-stream or plain text (or no type): for those the parser decides.
    private static readonly HashSet<string> CalendarTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/calendar", "application/calendar", "application/ics", "text/x-vcalendar", "application/octet-stream", "text/plain",
    };

    public static async Task<string> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !CalendarTypes.Contains(mediaType))
        {
            throw new FeedFetchFailure($"not a calendar ({mediaType.ToLowerInvariant()})");
        }

        // A declared length over the limit fails early; an honest-looking one is still counted below.
        if (content.Headers.ContentLength > maxBytes)
        {
            throw new FeedFetchFailure(TooLarge(maxBytes));
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes)
                    {
                        throw new FeedFetchFailure(TooLarge(maxBytes));
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            // iCalendar is UTF-8 (RFC 5545 §3.1.4); a byte-order mark is dropped.
            body.Position = 0;
            using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string TooLarge(long maxBytes) =>
        maxBytes % (1024 * 1024) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"body larger than {maxBytes / (1024 * 1024)} MB")
            : string.Create(CultureInfo.InvariantCulture, $"body larger than {maxBytes} bytes");
}
