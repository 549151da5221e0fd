using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Core.Application;

/// <summary>
/// Enrolment commands: enrol, change (with re-plan), pause, resume, cancel. Every command is scoped to one
/// employer; an enrolment of another employer is simply not found.
/// </summary>
public sealed class EnrollmentService(
    IEnrollmentValidator validator,
    IJourneyPlanner planner,
    IEnrollmentStore enrollments,
    INudgeStore nudges,
    JourneyChanges journeyChanges,
    RetentionClock clock)
{
    public async Task<EnrollResult> EnrollAsync(string employerId, EnrollmentDraft draft, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(draft, employerId, NewId(), clock.Now, clock.Today);
        if (!validation.IsValid)
        {
            return new EnrollResult(EnrollmentOutcome.Invalid, null, validation.Errors);
        }

        if (validation.Enrollment.ExternalId is { } externalId
            && await enrollments.FindByExternalIdAsync(employerId, externalId, cancellationToken) is { } existing)
        {
            return new EnrollResult(EnrollmentOutcome.Existing, existing, []);
        }

        var planned = planner.Plan(validation.Enrollment, clock.Now);
        var (stored, created) = await enrollments.CreateAsync(validation.Enrollment, planned, cancellationToken);
        if (!created)
        {
            return new EnrollResult(EnrollmentOutcome.Existing, stored, []);
        }

        await journeyChanges.ScheduleAsync(planned, cancellationToken);
        return new EnrollResult(EnrollmentOutcome.Created, stored, []);
    }

    public Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        enrollments.GetAsync(employerId, enrollmentId, cancellationToken);

    /// <summary>Applies a change and re-plans: future nudges are cancelled and re-created, sent ones stay.</summary>
    public async Task<CommandResult<Enrollment>> UpdateAsync(string employerId, string enrollmentId, EnrollmentPatch patch, CancellationToken cancellationToken)
    {
        var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (current is null)
        {
            return CommandResult<Enrollment>.NotFound();
        }

        if (current.Erased || current.Status is EnrollmentStatus.Cancelled or EnrollmentStatus.Left or EnrollmentStatus.Completed)
        {
            return CommandResult<Enrollment>.Conflict($"an enrolment that is {Describe(current)} cannot be changed");
        }

        var validation = validator.Validate(current.ToDraft().Apply(patch), employerId, enrollmentId, clock.Now, clock.Today);
        if (!validation.IsValid)
        {
            return CommandResult<Enrollment>.Invalid(validation.Errors);
        }

        var changed = validation.Enrollment with
        {
            CreatedAt = current.CreatedAt,
            Status = current.Status,
            StatusChangedAt = current.StatusChangedAt,
            PlanRevision = current.PlanRevision + 1,
            Version = current.Version,
        };
        return await SaveAndReplanAsync(changed, cancellationToken);
    }

    public async Task<CommandResult<Enrollment>> PauseAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (current is null)
        {
            return CommandResult<Enrollment>.NotFound();
        }

        if (current.Status == EnrollmentStatus.Paused)
        {
            return CommandResult<Enrollment>.Ok(current);
        }

        if (current.Status != EnrollmentStatus.Active)
        {
            return CommandResult<Enrollment>.Conflict($"only an active enrolment can be paused; this one is {Describe(current)}");
        }

        return await ChangeStatusAsync(current, EnrollmentStatus.Paused, cancellationToken);
    }

    /// <summary>Resumes a paused enrolment with a new plan revision, so that the milestones still ahead are planned afresh.</summary>
    public async Task<CommandResult<Enrollment>> ResumeAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (current is null)
        {
            return CommandResult<Enrollment>.NotFound();
        }

        if (current.Status == EnrollmentStatus.Active)
        {
            return CommandResult<Enrollment>.Ok(current);
        }

        if (current.Status != EnrollmentStatus.Paused)
        {
            return CommandResult<Enrollment>.Conflict($"only a paused enrolment can be resumed; this one is {Describe(current)}");
        }

        var resumed = current with { Status = EnrollmentStatus.Active, StatusChangedAt = clock.Now, PlanRevision = current.PlanRevision + 1 };
        return await SaveAndReplanAsync(resumed, cancellationToken);
    }

    public async Task<CommandResult<Enrollment>> CancelAsync(string employerId, string enrollmentId, CancellationToken cancellationToken)
    {
        var current = await enrollments.GetAsync(employerId, enrollmentId, cancellationToken);
        if (current is null)
        {
            return CommandResult<Enrollment>.NotFound();
        }

        return current.Status == EnrollmentStatus.Cancelled
            ? CommandResult<Enrollment>.Ok(current)
            : await ChangeStatusAsync(current, EnrollmentStatus.Cancelled, cancellationToken);
    }

    /// <summary>Sets a status that stops the journey (paused, cancelled, left) and cancels every future nudge.</summary>
    internal async Task<CommandResult<Enrollment>> ChangeStatusAsync(Enrollment current, EnrollmentStatus status, CancellationToken cancellationToken)
    {
        var saved = await enrollments.TryUpdateAsync(current with { Status = status, StatusChangedAt = clock.Now }, cancellationToken);
        if (saved is null)
        {
            return CommandResult<Enrollment>.Conflict("the enrolment was changed by someone else meanwhile; try again");
        }

        await journeyChanges.CancelFutureAsync(saved.EmployerId, saved.Id, _ => true, cancellationToken);
        return CommandResult<Enrollment>.Ok(saved);
    }

    private async Task<CommandResult<Enrollment>> SaveAndReplanAsync(Enrollment changed, CancellationToken cancellationToken)
    {
        var saved = await enrollments.TryUpdateAsync(changed, cancellationToken);
        if (saved is null)
        {
            return CommandResult<Enrollment>.Conflict("the enrolment was changed by someone else meanwhile; try again");
        }

        var now = clock.Now;
        var existing = await nudges.GetJourneyAsync(saved.EmployerId, saved.Id, cancellationToken);
        var replan = planner.Replan(saved, existing, now);
        await journeyChanges.CancelAsync(replan.ToCancel.Select(c => existing.First(e => e.Id == c.Id)).ToList(), cancellationToken);
        await journeyChanges.AddAndScheduleAsync(replan.ToAdd, cancellationToken);

        // Ids are derived from the milestone, so a nudge cancelled earlier (pause, or a change that is now undone)
        // comes back under its old id: bring those back to life rather than leave a hole in the journey.
        var planned = planner.Plan(saved, now).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var revived = existing.Where(e => e.Status == NudgeStatus.Cancelled && e.DueAt >= now && planned.Contains(e.Id)).ToList();
        await journeyChanges.ReviveAsync(revived, saved.PlanRevision, cancellationToken);
        return CommandResult<Enrollment>.Ok(saved);
    }

    private static string Describe(Enrollment enrollment) =>
        enrollment.Erased ? "erased" : enrollment.Status.ToString().ToLowerInvariant();

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
