using MimeKit;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// Renders the nudges that go out together (one recipient, one message key) into one MIME message:
/// HTML + plain text, subject, List-Unsubscribe, signed one-click links, and an .ics invitation for the welcome lunch.
/// </summary>
public interface INudgeRenderer
{
    /// <param name="enrollment">The enrolment the nudges belong to.</param>
    /// <param name="nudges">One or more nudges sharing audience and message key, ordered by due time.</param>
    /// <param name="now">Render time: regional content is chosen from here, link expiries count from here.</param>
    /// <param name="language">Overrides the recipient's language (journey preview); null uses the recipient's.</param>
    /// <param name="mode">A preview's links are inert (<c>/a/preview</c>): nothing can be recorded through them.</param>
    MimeMessage Render(Enrollment enrollment, IReadOnlyList<Nudge> nudges, Instant now, string? language = null, RenderMode mode = RenderMode.Send);
}
