using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Retention.Functions.Http;

/// <summary>
/// Query-string values for the handlers' optional parameters. The server's minimal API binds these itself; a
/// Functions trigger binds only route values, so the few query parameters are read here, by the same names.
/// </summary>
internal static class QueryValues
{
    /// <summary>The value, or null when absent (as minimal-API binding gives a <c>string?</c> parameter).</summary>
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>False when present but not a whole number (the server answers 400 for that too).</summary>
    public static bool TryNumber(HttpRequest request, string name, out int? number)
    {
        number = null;
        if (Text(request, name) is not { } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        number = parsed;
        return true;
    }
}
