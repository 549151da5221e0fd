using System.Text.RegularExpressions;

namespace Retention.Core.Access;

/// <summary>Employer ids are short slugs (they appear in URLs and partition keys): lowercase letters, digits and dashes.</summary>
public static partial class EmployerIds
{
    public const string Rule = "an employer id is 2-40 characters: lowercase letters, digits and dashes, starting with a letter";

    public static bool IsValid(string? employerId) => employerId is not null && Pattern().IsMatch(employerId);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
