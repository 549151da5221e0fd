using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Testing;

namespace Retention.Email.Tests;

/// <summary>
/// A Norwegian welcome-lunch message, rendered and written as the pickup sender writes it, read back by parsers
/// that share no code with MimeKit or Ical.Net (npm's mailparser and ical.js, scripts/parse-mail.mjs), so the
/// standards are checked by someone else's reading, not by our own.
/// </summary>
public sealed class MailStandardsTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 5, 8, 0); // Friday
    private readonly string directory = Directory.CreateTempSubdirectory("mail-standards-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [SkippableFact]
    public async Task A_norwegian_welcome_lunch_reads_back_in_independent_parsers_as_sent()
    {
        var modules = await ParserModulesAsync();
        var message = Render();
        var text = message.TextBody!;
        var html = message.HtmlBody!;
        Assert.Contains("Ærlend Østby", text, StringComparison.Ordinal); // æ, ø and å must survive
        Assert.Contains("foreslått", text, StringComparison.Ordinal);

        await new PickupDirectoryEmailSender(Options.Create(new EmailOptions { PickupDirectory = directory }), NullLogger<PickupDirectoryEmailSender>.Instance)
            .SendAsync(message, "emp-vestkyst:enr-0001:Ildsjel:2027-03-05:r0", CancellationToken.None);
        using var parsed = await ParseAsync(modules, Assert.Single(Directory.GetFiles(directory, "*.eml")));
        var root = parsed.RootElement;

        Assert.Equal(0, root.GetProperty("bareLineFeeds").GetInt32());
        Assert.Equal(0, root.GetProperty("eightBitOctets").GetInt32());
        var leaves = root.GetProperty("parts").EnumerateArray().Where(p => !p.GetProperty("multipart").GetBoolean())
            .ToDictionary(p => p.GetProperty("contentType").GetString()!, p => p.GetProperty("transferEncoding").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["text/plain"] = "quoted-printable", ["text/html"] = "quoted-printable", ["text/calendar"] = "base64" }, leaves);
        Assert.Equal(message.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(["karianne@example.no"], root.GetProperty("to").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(Lines(text), Lines(root.GetProperty("text").GetString()!));
        Assert.Equal(Lines(html), Lines(root.GetProperty("html").GetString()!));

        var calendar = root.GetProperty("calendar");
        Assert.Equal("PUBLISH", calendar.GetProperty("method").GetString());
        Assert.Equal("PUBLISH", calendar.GetProperty("methodParameter").GetString());
        Assert.Equal("nud-lunch@retention.example.no", calendar.GetProperty("uid").GetString());
        Assert.Equal("2027-03-08T10:30:00.000Z", calendar.GetProperty("dtStart").GetString()); // Monday 11:30 in Oslo
        Assert.Equal("2027-03-08T11:15:00.000Z", calendar.GetProperty("dtEnd").GetString());
        Assert.Equal("mailto:karianne@example.no", calendar.GetProperty("organizer").GetString());
        Assert.Empty(calendar.GetProperty("attendees").EnumerateArray()); // the newcomer is not a recipient
        Assert.Equal("Velkomstlunsj med Ærlend Østby", calendar.GetProperty("summary").GetString());
    }

    private static MimeMessage Render()
    {
        var enrollment = new Enrollment
        {
            EmployerId = "emp-vestkyst",
            Id = "enr-0001",
            Newcomer = new Newcomer("Ærlend Østby", "aerlend@example.com", "nb", "Europe/Oslo"),
            Ildsjel = new Ildsjel("Karianne Vik", "karianne@example.no", "nb"),
            ArrivalDate = new LocalDate(2027, 3, 1),
            StartDate = new LocalDate(2027, 3, 3),
            Municipality = "Haugesund",
            Consent = new Consent(true),
            CreatedAt = Instant.FromUtc(2027, 1, 10, 9, 0),
        };
        var lunch = new Nudge
        {
            Id = "nud-lunch",
            EmployerId = "emp-vestkyst",
            EnrollmentId = "enr-0001",
            Kind = NudgeRenderer.WelcomeLunchKind,
            Audience = Audience.Ildsjel,
            DueAt = Now,
            Reason = "week-1",
            MessageKey = "enr-0001/ildsjel/2027-03-05",
        };
        var renderer = new NudgeRenderer(
            TemplateCatalog.Default,
            new InMemoryRegionalContentSource(SampleRegions.Haugalandet(Now)),
            new ActionTokenSigner(new ActionLinkOptions { SigningKey = Convert.ToBase64String(new byte[32]) }),
            new RenderingOptions { PublicBaseUrl = "https://retention.example.no", FromAddress = "no-reply@retention.example.no", FromName = "Retention" });
        return renderer.Render(enrollment, [lunch], Now);
    }

    /// <summary>The parsers' node_modules, or the test is skipped with the reason when node or npm is missing.</summary>
    private static async Task<string> ParserModulesAsync()
    {
        Skip.If(TestTools.OnPath("node") is null, "node is not on PATH (Debian: apt-get install nodejs npm)");
        var modules = Path.Combine(TestTools.RepositoryRoot, ".tools", "node_modules");
        var installed = File.Exists(Path.Combine(modules, "mailparser", "package.json")) && File.Exists(Path.Combine(modules, "ical.js", "package.json"));
        Skip.If(!installed && TestTools.OnPath("npm") is null, "npm is not on PATH, so mailparser and ical.js cannot be installed (Debian: apt-get install npm)");
        await TestTools.NpmPackageAsync("mailparser");
        await TestTools.NpmPackageAsync("ical.js");
        return modules;
    }

    private static async Task<JsonDocument> ParseAsync(string modules, string file)
    {
        var script = Path.Combine(TestTools.RepositoryRoot, "tests", "Retention.Email.Tests", "scripts", "parse-mail.mjs");
        using var process = Process.Start(new ProcessStartInfo("node", [script, modules, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"parse-mail.mjs exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout);
    }

    // Line ends are the transport's (CRLF on the wire, LF in our strings); the words must be the same.
    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
