using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>Records check-ins from the API and from one-click links.</summary>
public sealed class CheckInService(IEnrollmentStore enrollments, IEventStore events, RetentionClock clock)
{
    public const int MaxCommentLength = 1000;

    public async Task<CommandResult<CheckIn>> RecordAsync(string employerId, string enrollmentId, CheckInInput input, string? nudgeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        var enrollment = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (enrollment is null)
        {
            return CommandResult<CheckIn>.NotFound();
        }

        if (errors.Count > 0)
        {
            return CommandResult<CheckIn>.Invalid(errors);
        }

        // A check-in is dated now: after a recorded departure it would be an answer about belonging and intent to
        // stay from someone who is gone, counted in the engagement averages as if they were still there.
        if (enrollment.Erased || enrollment.Status is EnrollmentStatus.Cancelled or EnrollmentStatus.Left)
        {
            return CommandResult<CheckIn>.Conflict("check-ins are not recorded for a cancelled or erased enrolment, nor after the newcomer left");
        }

        var now = clock.Now;
        var checkIn = new CheckIn
        {
            EmployerId = employerId,
            EnrollmentId = enrollmentId,

            // One answer per link: a repeated click or a scanner replay stores the same id once.
            Id = nudgeId is null ? Guid.CreateVersion7().ToString("N") : DeterministicId.From("check-in", employerId, nudgeId),
            At = now,
            Belonging = input.Belonging!.Value,
            IntentToStay = input.IntentToStay!.Value,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            NudgeId = nudgeId,
        };
        await events.AddCheckInAsync(checkIn, cancellationToken);
        return CommandResult<CheckIn>.Ok(checkIn);
    }

    public static IReadOnlyList<FieldError> Validate(CheckInInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        Scale(input.Belonging, "belonging", errors);
        Scale(input.IntentToStay, "intentToStay", errors);
        if (input.Comment is { } comment)
        {
            if (comment.Length > MaxCommentLength)
            {
                errors.Add(new FieldError("comment", $"must be at most {MaxCommentLength} characters"));
            }

            if (InputText.HasControlCharacters(comment))
            {
                errors.Add(new FieldError("comment", "must not contain control characters"));
            }
        }

        return errors;
    }

    private static void Scale(int? value, string field, List<FieldError> errors)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, "is required"));
        }
        else if (value is < 1 or > 5)
        {
            errors.Add(new FieldError(field, "must be a whole number from 1 to 5"));
        }
    }
}
