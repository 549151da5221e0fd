using System.Globalization;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Storage;

namespace Retention.Http.Query;

/// <summary>
/// The rules for query parameters, one per kind of value, collecting a <see cref="FieldError"/> per bad parameter.
/// Handlers take every query parameter as text (null when absent) and read it here: a typed binding (<c>int?</c>)
/// fails inside the framework instead, as an empty 400 in Production and a 500 in Development, and the Functions
/// app, which binds no query values, would have to copy that rule anyway.
/// </summary>
public sealed class QueryParameters
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>A whole number written in digits only, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? Number(string name, string? text, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        _errors.Add(new FieldError(name, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}")));
        return null;
    }

    /// <summary>A calendar date, by the same rule as dates in a body (<see cref="IsoDate"/>).</summary>
    public LocalDate? Date(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        _errors.Add(new FieldError(name, IsoDate.Reason));
        return null;
    }

    /// <summary>One of a fixed list, in any letter case; the list's own spelling is returned.</summary>
    public string? Choice(string name, string? text, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (text is null)
        {
            return null;
        }

        if (choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }

        _errors.Add(new FieldError(name, "must be one of: " + string.Join(", ", choices)));
        return null;
    }

    /// <summary>A listing position exactly as a page's <c>nextCursor</c> handed it out.</summary>
    public string? Cursor(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (ListCursor.TryParse(text, out _))
        {
            return text;
        }

        _errors.Add(new FieldError(name, "is not a cursor this API returned"));
        return null;
    }
}
