using System.Text.RegularExpressions;

namespace Retention.Functions.Tests;

/// <summary>What a host answered: status, content type and body, compared as they are but for the per-request trace id.</summary>
public sealed partial record Answer(int Status, string? ContentType, string Body)
{
    public static async Task<Answer> FromAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>The problem details' traceId differs on every request (and by host: activity id or connection id).</summary>
    public Answer WithoutTraceId() => this with { Body = TraceId().Replace(Body, "\"traceId\":\"…\"") };

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
