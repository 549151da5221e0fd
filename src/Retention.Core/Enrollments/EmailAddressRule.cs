namespace Retention.Core.Enrollments;

/// <summary>
/// A deliberately plain e-mail check: one <c>@</c>, a dot-atom local part, and a domain of at least two
/// letter-digit-hyphen labels with an alphabetic top-level label (internationalised domains come as punycode).
/// </summary>
internal static class EmailAddressRule
{
    private const string LocalSpecials = "!#$%&'*+/=?^_`{|}~-";

    public static bool IsValid(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at > 64)
        {
            return false;
        }

        return LocalPartIsValid(address.AsSpan(0, at)) && DomainIsValid(address.AsSpan(at + 1));
    }

    private static bool LocalPartIsValid(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || LocalSpecials.Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DomainIsValid(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > 253)
        {
            return false;
        }

        var labels = 0;
        var lastLabel = ReadOnlySpan<char>.Empty;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            labels++;
            lastLabel = label;
        }

        return labels >= 2 && lastLabel.Length >= 2 && (IsAlpha(lastLabel) || lastLabel.StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsAlpha(ReadOnlySpan<char> label)
    {
        foreach (var c in label)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
