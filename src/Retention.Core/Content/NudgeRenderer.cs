using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;

namespace Retention.Core.Content;

/// <summary>
/// Renders the nudges that go out together into one MIME message (see <see cref="INudgeRenderer"/>): templates
/// from the <see cref="TemplateCatalog"/>, regional content bound for the render time, signed one-click links,
/// <c>List-Unsubscribe</c> (one-click, RFC 8058), a Message-Id derived from the message key, and for the
/// welcome lunch a <c>text/calendar</c> proposal (iCalendar PUBLISH). Every part declares its transfer encoding:
/// quoted-printable for the text and HTML, base64 for the calendar, so the message is 7-bit clean whatever the
/// transport advertises.
/// </summary>
public sealed class NudgeRenderer : INudgeRenderer
{
    public const string WelcomeLunchKind = "welcome-lunch";

    private readonly TemplateCatalog _catalog;
    private readonly IRegionalContentSource _regional;
    private readonly IActionTokenSigner _signer;
    private readonly RenderingOptions _options;
    private readonly DateTimeZone _workplaceZone;
    private readonly string _host;

    public NudgeRenderer(TemplateCatalog catalog, IRegionalContentSource regional, IActionTokenSigner signer, RenderingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _regional = regional ?? throw new ArgumentNullException(nameof(regional));
        _signer = signer ?? throw new ArgumentNullException(nameof(signer));
        _options = options;
        _workplaceZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.WorkplaceTimeZone)
            ?? throw new ArgumentException($"Unknown workplace time zone '{options.WorkplaceTimeZone}'.", nameof(options));
        // Links carry credentials: https, except on the loopback interface (a self-hosted trial on one machine).
        _host = Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUri)
            && (baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback))
            ? baseUri.Host
            : throw new ArgumentException("PublicBaseUrl must be an absolute https URL (http only for localhost).", nameof(options));
    }

    public MimeMessage Render(Enrollment enrollment, IReadOnlyList<Nudge> nudges, Instant now, string? language = null, RenderMode mode = RenderMode.Send)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(nudges);
        if (nudges.Count == 0)
        {
            throw new ArgumentException("Nothing to render: no nudges.", nameof(nudges));
        }

        var first = nudges[0];
        if (nudges.Any(n => n.Audience != first.Audience || n.EnrollmentId != enrollment.Id || n.EmployerId != enrollment.EmployerId))
        {
            throw new ArgumentException("Nudges rendered together must share the enrolment and the audience.", nameof(nudges));
        }

        var (name, address, ownLanguage) = Recipient(enrollment, first.Audience);
        var lang = _catalog.NormalizeLanguage(language ?? ownLanguage);
        var strings = _catalog.StringsFor(lang);
        var dates = new DateText(strings);
        var local = _regional.Find(enrollment.Municipality, new Interval(now, now + Duration.FromDays(_options.LocalEventsWindowDays)));
        var links = new ActionLinks(_signer, _options.PublicBaseUrl, now + Duration.FromTimeSpan(_options.LinkLifetime), mode == RenderMode.Preview);

        var sections = nudges.Select(n =>
        {
            var template = _catalog.Resolve(n.Kind, n.Audience, lang).Template;
            var model = TemplateModel.Build(enrollment, n, local, template.Language, dates, _workplaceZone, now, WelcomeLunchSlot.For(n, now, _workplaceZone));
            return RenderedSection.Render(n, template, model);
        }).ToList();

        var unsubscribe = links.ExpiringAt(now + Duration.FromTimeSpan(_options.UnsubscribeLinkLifetime)).For(first, LinkAction.Unsubscribe);
        var (text, html) = new MessageBody(strings, lang, GreetingName(name), _options.FromName, (int)_options.LinkLifetime.TotalDays, links).Build(sections, unsubscribe);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(new MailboxAddress(name, address));
        message.Subject = Subject(sections, strings);
        message.Date = now.ToDateTimeOffset();
        message.MessageId = MessageIdFor(enrollment.EmployerId, first.MessageKey, _host);
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        var lunch = nudges.FirstOrDefault(n => n.Kind == WelcomeLunchKind && n.Audience == Audience.Ildsjel);
        if (lunch is not null)
        {
            var ics = WelcomeLunchInvitation.Create(enrollment, lunch, WelcomeLunchSlot.For(lunch, now, _workplaceZone), strings, _host, now);
            var calendar = new MimePart("text", "calendar")
            {
                Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "welcome-lunch.ics" },
                ContentTransferEncoding = ContentEncoding.Base64,
            };
            calendar.ContentType.Parameters.Add("method", WelcomeLunchInvitation.Method);
            calendar.ContentType.Charset = "utf-8";
            calendar.ContentType.Name = "welcome-lunch.ics";
            body.Attachments.Add(calendar);
        }

        message.Body = body.ToMessageBody();

        // Set here rather than by Prepare() in each sender: the renderer knows its parts, pickup and SMTP then write
        // the same bytes, and quoted-printable also keeps the long HTML lines under the 998-octet line limit.
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        }

        // The language actually used (a fallback shows here); MimeKit keeps Content-* headers on the body entity.
        message.Body.Headers.Add(HeaderId.ContentLanguage, string.Join(", ", sections.Select(s => s.Template.Language).Distinct(StringComparer.Ordinal)));
        return message;
    }

    /// <summary>The same message key always gives the same Message-Id, so a resend is recognisable as one.</summary>
    public static string MessageIdFor(string employerId, string messageKey, string host)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(employerId + "\n" + messageKey));
        return $"{Convert.ToHexStringLower(hash, 0, 16)}@{host}";
    }

    /// <summary>
    /// The name a greeting uses: the first word of the name ("Karianne Vik" → "Karianne"). There is no preferred
    /// name in the enrolment yet; when one is added, it goes before this.
    /// </summary>
    private static string GreetingName(string name)
    {
        var trimmed = name.Trim();
        var end = trimmed.AsSpan().IndexOfAny(" \t\u00A0");
        return end > 0 ? trimmed[..end] : trimmed;
    }

    private static string Subject(IReadOnlyList<RenderedSection> sections, LanguageStrings strings)
    {
        if (sections.Count == 1)
        {
            return sections[0].Subject;
        }

        var joined = string.Join(" · ", sections.Select(s => s.Subject));
        return joined.Length <= 90
            ? joined
            : strings.MergedSubject
                .Replace("{subject}", sections[0].Subject, StringComparison.Ordinal)
                .Replace("{count}", (sections.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private (string Name, string Address, string Language) Recipient(Enrollment enrollment, Audience audience) => audience switch
    {
        Audience.Newcomer => (enrollment.Newcomer.Name, enrollment.Newcomer.Email, enrollment.Newcomer.Language),
        Audience.Ildsjel => (enrollment.Ildsjel.Name, enrollment.Ildsjel.Email, enrollment.Ildsjel.Language),
        Audience.Hr => enrollment.HrContact is { } hr
            ? (hr.Name, hr.Email, _options.HrLanguage)
            : throw new InvalidOperationException("The enrolment has no HR contact to address an HR nudge to."),
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, null),
    };
}
