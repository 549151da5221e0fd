using MimeKit;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Testing.Fakes;

/// <summary>
/// A stand-in <see cref="INudgeRenderer"/>: one message to the audience's address whose subject lists the
/// nudge kinds and whose text lists the nudge ids, so tests can see what went out together.
/// </summary>
public sealed class ListingNudgeRenderer : INudgeRenderer
{
    /// <summary>When set, rendering throws this (a broken template).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Runs at the start of each render (e.g. to cancel the dispatch between claim and send).</summary>
    public Action<IReadOnlyList<Nudge>>? OnRender { get; set; }

    public int RenderCount { get; private set; }

    public MimeMessage Render(Enrollment enrollment, IReadOnlyList<Nudge> nudges, Instant now, string? language = null, RenderMode mode = RenderMode.Send)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        ArgumentNullException.ThrowIfNull(nudges);
        if (Failure is { } failure)
        {
            throw failure;
        }

        OnRender?.Invoke(nudges);
        RenderCount++;
        var (name, address) = nudges[0].Audience switch
        {
            Audience.Newcomer => (enrollment.Newcomer.Name, enrollment.Newcomer.Email),
            Audience.Ildsjel => (enrollment.Ildsjel.Name, enrollment.Ildsjel.Email),
            _ => (enrollment.HrContact?.Name ?? "HR", enrollment.HrContact?.Email ?? throw new InvalidOperationException("no HR contact")),
        };
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Retention", "noreply@retention.test"));
        message.To.Add(new MailboxAddress(name, address));
        message.Subject = string.Join(", ", nudges.Select(n => n.Kind));
        message.Body = new TextPart("plain") { Text = string.Join('\n', nudges.Select(n => n.Id)) };
        return message;
    }
}
