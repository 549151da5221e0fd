using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>Records what HR knows: a departure (which ends the journey) or a confirmation of staying.</summary>
public sealed class OutcomeService(IEnrollmentStore enrollments, IEventStore events, EnrollmentService enrollmentService, RetentionClock clock)
{
    /// <summary>The fixed reasons, as the API spells them.</summary>
    public static IReadOnlyDictionary<string, DepartureReason> Reasons { get; } =
        Enum.GetValues<DepartureReason>().ToDictionary(r => InputText.Kebab(r.ToString()), r => r, StringComparer.Ordinal);

    public async Task<CommandResult<Outcome>> RecordAsync(string employerId, string enrollmentId, OutcomeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var enrollment = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (enrollment is null)
        {
            return CommandResult<Outcome>.NotFound();
        }

        var errors = new List<FieldError>();
        OutcomeStatus? status = input.Status switch
        {
            "left" => OutcomeStatus.Left,
            "stayed" => OutcomeStatus.Stayed,
            null => Missing(errors, "status"),
            _ => Wrong(errors, "status", "must be \"left\" or \"stayed\""),
        };

        var date = OutcomeDate.Check(input.Date, enrollment.StartDate, clock.Today, errors);

        DepartureReason? reason = null;
        if (input.Reason is not null)
        {
            if (status == OutcomeStatus.Stayed)
            {
                errors.Add(new FieldError("reason", "is only given when the newcomer left"));
            }
            else if (Reasons.TryGetValue(input.Reason, out var known))
            {
                reason = known;
            }
            else
            {
                errors.Add(new FieldError("reason", "must be one of: " + string.Join(", ", Reasons.Keys)));
            }
        }
        else if (status == OutcomeStatus.Left)
        {
            errors.Add(new FieldError("reason", "is required when the newcomer left (one of: " + string.Join(", ", Reasons.Keys) + ")"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Outcome>.Invalid(errors);
        }

        if (enrollment.Status == EnrollmentStatus.Cancelled)
        {
            return CommandResult<Outcome>.Conflict("the enrolment was cancelled");
        }

        var outcome = new Outcome
        {
            EmployerId = employerId,
            EnrollmentId = enrollmentId,
            Id = DeterministicId.From("outcome", employerId, enrollmentId, status!.Value.ToString(), IsoDate.Format(date!.Value)),
            Status = status.Value,
            Date = date.Value,
            Reason = reason,
            RecordedAt = clock.Now,
        };
        await events.AddOutcomeAsync(outcome, cancellationToken);
        if (outcome.Status == OutcomeStatus.Left && enrollment.Status != EnrollmentStatus.Left)
        {
            var changed = await enrollmentService.LeaveAsync(employerId, enrollmentId, cancellationToken);
            if (changed.Status != CommandStatus.Done)
            {
                return CommandResult<Outcome>.Conflict(changed.Reason ?? "the enrolment could not be updated");
            }
        }

        return CommandResult<Outcome>.Ok(outcome);
    }

    private static OutcomeStatus? Missing(List<FieldError> errors, string field)
    {
        errors.Add(new FieldError(field, "is required"));
        return null;
    }

    private static OutcomeStatus? Wrong(List<FieldError> errors, string field, string reason)
    {
        errors.Add(new FieldError(field, reason));
        return null;
    }
}
