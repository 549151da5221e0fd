using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Retention.Http.Problems;

namespace Retention.Http.Json;

/// <summary>
/// Reads a JSON request body with the API's rules: JSON media type, a size limit, unknown properties and wrong
/// types rejected with a problem that names the field (<c>$.newcomer.email</c> becomes <c>newcomer.email</c>).
/// </summary>
public static class JsonBody
{
    /// <summary>Large enough for any enrolment; small enough that a body cannot hurt the server.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>A region's whole content document (hundreds of events and services) in one body.</summary>
    public const long MaxRegionBytes = 2 * 1024 * 1024;

    public static Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class =>
        ReadAsync<T>(request, MaxBytes, cancellationToken);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        var (body, tooLarge) = await BodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (tooLarge)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        return Deserialize<T>(body);
    }

    /// <summary>The value, or the problem naming the field that is unknown, of the wrong type or malformed.</summary>
    public static (T? Value, IResult? Problem) Deserialize<T>(ReadOnlySpan<byte> json)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, ApiJson.Options);
            return value is null ? (null, ApiProblems.Validation("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Validation(FieldOf(ex.Path), Reason(ex)));
        }
        catch (ArgumentException) when (typeof(JsonNode).IsAssignableFrom(typeof(T)))
        {
            // A JsonObject refuses a repeated name (in any letter case) through its dictionary, not as a JsonException.
            return (null, ApiProblems.Validation("body", "gives a field more than once (names are compared in any letter case)"));
        }
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Reason(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field"
        : ex.Message.StartsWith("Duplicate", StringComparison.Ordinal) ? "is given more than once"
        : ex.Path is null or "$" ? "the body is not valid JSON"
        : "has the wrong type or is malformed";
}
