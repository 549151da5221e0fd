using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>Reads a journey, and renders its future messages without sending them (preview).</summary>
public sealed class JourneyService(
    IEnrollmentStore enrollments, INudgeStore nudges, INudgeRenderer renderer, Content.IRegionalContentSource regional, RetentionClock clock)
{
    /// <summary>The enrolment and its nudges ordered by due time, or null when the enrolment is not this employer's.</summary>
    public async Task<(Enrollment Enrollment, IReadOnlyList<Nudge> Nudges)?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var enrollment = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (enrollment is null)
        {
            return null;
        }

        return (enrollment, await nudges.GetJourneyAsync(employerId, enrollmentId, cancellationToken));
    }

    public async Task<IReadOnlyList<MessagePreview>?> PreviewAsync(string employerId, string enrollmentId, string? language, CancellationToken cancellationToken)
    {
        var enrollment = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (enrollment is null)
        {
            return null;
        }

        var journey = await nudges.GetJourneyAsync(employerId, enrollmentId, cancellationToken);
        await regional.EnsureFreshAsync(cancellationToken);
        var previews = new List<MessagePreview>();
        foreach (var group in journey.Where(n => n.Status == NudgeStatus.Scheduled).GroupBy(n => (n.MessageKey, n.Audience)))
        {
            var members = group.OrderBy(n => n.DueAt).ToList();
            using var message = renderer.Render(enrollment, members, clock.Now, language, RenderMode.Preview);
            previews.Add(new MessagePreview(
                members.Select(n => n.Id).ToList(),
                group.Key.Audience.ToString().ToLowerInvariant(),
                message.To.Mailboxes.FirstOrDefault()?.Address ?? "",
                message.Subject ?? "",
                message.TextBody ?? "",
                message.HtmlBody ?? "",
                message.Attachments.Select(a => a.ContentType.MimeType).ToList()));
        }

        return previews;
    }
}
