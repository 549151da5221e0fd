using Microsoft.AspNetCore.Http;

namespace Retention.Functions.Http;

/// <summary>
/// Query-string values for the handlers' query parameters. A Functions trigger binds only route values, so they are
/// read here as text, by the same names and the same way the server's minimal API binds a <c>string?</c> (absent is
/// null, repeated values are joined with commas); the handlers parse them by the shared rule (<c>QueryParameters</c>).
/// </summary>
internal static class QueryValues
{
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
