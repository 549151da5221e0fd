using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Dispatch;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Email;

namespace Retention.Bench.Dispatch;

/// <summary>
/// What a hand-rolled job does for one message, the same work as the dispatcher minus its state store:
/// render the nudge with the real renderer and write the .eml with the real pickup sender.
/// </summary>
public sealed class MessageWork(INudgeRenderer renderer, string pickupDirectory, Enrollment template, Nudge templateNudge, Instant[] due)
{
    private readonly PickupDirectoryEmailSender sender = new(Options.Create(new EmailOptions { PickupDirectory = pickupDirectory }), NullLogger<PickupDirectoryEmailSender>.Instance);

    public Instant?[] Sent { get; } = new Instant?[due.Length];

    public int SentCount => sentCount;

    private int sentCount;

    public async Task RunAsync(int i)
    {
        var enrollment = template with { Id = BulkSeeder.EnrollmentId(i) };
        var nudge = templateNudge with { Id = BulkSeeder.NudgeId(i, 0), EnrollmentId = enrollment.Id, DueAt = due[i] };
        var message = renderer.Render(enrollment, [nudge], SystemClock.Instance.GetCurrentInstant());
        await sender.SendAsync(message, MessageIdempotencyKey.For(enrollment.EmployerId, [nudge]), CancellationToken.None);
        Sent[i] = SystemClock.Instance.GetCurrentInstant();
        Interlocked.Increment(ref sentCount);
    }
}
