using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using Retention.Core.Email;

namespace Retention.Email;

/// <summary>
/// SMTP replies to send results. Only the reply code and the enhanced status code travel on: the reply
/// text may quote an address. 421/450/451 that speak of rate (4.7.x, "rate", "too many") are throttling.
/// </summary>
internal static partial class SmtpErrorMapping
{
    public static EmailSendResult Map(SmtpCommandException exception)
    {
        var code = (int)exception.StatusCode;
        var enhanced = EnhancedCode().Match(exception.Message);
        var detail = enhanced.Success ? $"smtp {code} {enhanced.Value}" : $"smtp {code}";

        if (code is 421 or 450 or 451 && IsAboutRate(exception.Message, enhanced))
        {
            return EmailSendResult.Throttled(null, detail);
        }

        return code switch
        {
            >= 400 and < 500 => EmailSendResult.Transient(detail),
            >= 500 and < 600 => EmailSendResult.Permanent(detail),
            _ => EmailSendResult.Transient(detail),
        };
    }

    private static bool IsAboutRate(string text, Match enhanced) =>
        (enhanced.Success && enhanced.Value.StartsWith("4.7.", StringComparison.Ordinal))
        || text.Contains("rate", StringComparison.OrdinalIgnoreCase)
        || text.Contains("too many", StringComparison.OrdinalIgnoreCase)
        || text.Contains("throttl", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b[245]\.\d{1,3}\.\d{1,3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}
