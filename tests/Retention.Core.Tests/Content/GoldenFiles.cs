using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using NodaTime;
using NodaTime.Text;

namespace Retention.Core.Tests.Content;

/// <summary>
/// Compares rendered messages with the reviewed files in <c>Content/Golden</c>. Tokens are shown decoded
/// (<c>/a/[Done 1 nud-… until 2027-04-09]</c>) so a reviewer reads what each link does, and a token that does not
/// verify fails the test. Set <c>RETENTION_UPDATE_GOLDEN=1</c> to rewrite the files after an intended change.
/// </summary>
internal static partial class GoldenFiles
{
    private static readonly string Directory = Path.Combine(Path.GetDirectoryName(SourcePath())!, "Golden");

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("RETENTION_UPDATE_GOLDEN") == "1" || !File.Exists(path))
        {
            var existed = File.Exists(path);
            File.WriteAllText(path, normalized, new UTF8Encoding(false));
            Assert.True(existed, $"Golden file {name} did not exist and has been written: review it and run again.");
            return;
        }

        Assert.Equal(File.ReadAllText(path), normalized);
    }

    /// <summary>The headers a reader and a mail client see, then the body, with every link token decoded.</summary>
    public static string Describe(MimeMessage message, string body, Instant now)
    {
        var text = new StringBuilder()
            .Append("From: ").Append(message.From).Append('\n')
            .Append("To: ").Append(message.To).Append('\n')
            .Append("Subject: ").Append(message.Subject).Append('\n')
            .Append("Date: ").Append(message.Headers[HeaderId.Date]).Append('\n')
            .Append("Message-Id: <").Append(message.MessageId).Append(">\n")
            .Append("Content-Language: ").Append(message.Body!.Headers[HeaderId.ContentLanguage]).Append('\n')
            .Append("List-Unsubscribe: ").Append(message.Headers["List-Unsubscribe"]).Append('\n')
            .Append("List-Unsubscribe-Post: ").Append(message.Headers["List-Unsubscribe-Post"]).Append('\n')
            .Append('\n').Append(body);
        return DecodeTokens(text.ToString(), now);
    }

    public static string DecodeTokens(string text, Instant now) => Token().Replace(text, match =>
    {
        Assert.True(ContentFixtures.Signer.TryVerify(match.Groups[1].Value, now, out var token), $"Link token does not verify: {match.Value}");
        var until = LocalDatePattern.Iso.Format(token.ExpiresAt.InUtc().Date);
        return $"/a/[{token.Action} {token.Value} {token.NudgeId} until {until}]";
    });

    [GeneratedRegex("/a/([A-Za-z0-9_-]{20,})")]
    private static partial Regex Token();

    private static string SourcePath([CallerFilePath] string path = "") => path;
}
