using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Privacy;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core.Application;

/// <summary>
/// Enrolment commands: enrol, change (with re-plan), pause, resume, cancel. Every command is scoped to one
/// employer; an enrolment of another employer is simply not found.
/// </summary>
public sealed class EnrollmentService(
    IEnrollmentValidator validator,
    IJourneyPlanner planner,
    IEnrollmentStore enrollments,
    EnrollmentChanges changes,
    JourneyChanges journeyChanges,
    UnsubscribeService unsubscribes,
    Pseudonyms pseudonyms,
    RetentionClock clock)
{
    public async Task<EnrollResult> EnrollAsync(string employerId, EnrollmentDraft draft, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(draft, employerId, NewId(), clock.Now, clock.Today);
        if (!validation.IsValid)
        {
            return new EnrollResult(EnrollmentOutcome.Invalid, null, validation.Errors);
        }

        if (validation.Enrollment.ExternalId is { } externalId)
        {
            if (await enrollments.FindByExternalIdAsync(employerId, externalId, cancellationToken) is { } existing)
            {
                return Replay(existing, validation.Enrollment);
            }

            if (await enrollments.FindByExternalIdAsync(employerId, ErasedExternalId.For(pseudonyms, employerId, externalId), cancellationToken) is { } erased)
            {
                return new EnrollResult(EnrollmentOutcome.Erased, erased, []);
            }
        }

        // An address unsubscribed earlier (for another enrolment) is honoured from the first plan on.
        var unsubscribed = await unsubscribes.ForAsync(validation.Enrollment, cancellationToken);
        var planned = unsubscribed.Count == 0
            ? planner.Plan(validation.Enrollment, clock.Now)
            : planner.Replan(validation.Enrollment, [], clock.Now, unsubscribed.Keys.ToHashSet()).ToAdd;
        var (stored, created) = await enrollments.CreateAsync(validation.Enrollment, planned, cancellationToken);
        if (!created)
        {
            return Replay(stored, validation.Enrollment);
        }

        await journeyChanges.ScheduleAsync(planned, cancellationToken);
        if (unsubscribed.Count > 0)
        {
            await unsubscribes.NoteHeldAsync(unsubscribed.Values, stored.Id, cancellationToken);
        }

        return new EnrollResult(EnrollmentOutcome.Created, stored, []);
    }

    public Task<Enrollment?> GetAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        enrollments.GetAsync(employerId, enrollmentId, cancellationToken);

    /// <summary>Applies a change and re-plans: future nudges are cancelled and re-created, sent ones stay.</summary>
    public Task<CommandResult<Enrollment>> UpdateAsync(string employerId, string enrollmentId, EnrollmentPatch patch, CancellationToken cancellationToken) =>
        changes.ApplyAsync(employerId, enrollmentId, current =>
        {
            if (current.Erased || current.Status is EnrollmentStatus.Cancelled or EnrollmentStatus.Left or EnrollmentStatus.Completed)
            {
                return EnrollmentDecision.Reply(CommandResult<Enrollment>.Conflict($"an enrolment that is {Describe(current)} cannot be changed"));
            }

            var validation = validator.Validate(current.ToDraft().Apply(patch), employerId, enrollmentId, clock.Now, clock.Today);
            if (!validation.IsValid)
            {
                return EnrollmentDecision.Reply(CommandResult<Enrollment>.Invalid(validation.Errors));
            }

            var changed = validation.Enrollment with
            {
                CreatedAt = current.CreatedAt,
                Status = current.Status,
                StatusChangedAt = current.StatusChangedAt,
                PlanRevision = current.PlanRevision,
                Erased = current.Erased,
                Version = current.Version,
            };

            // A PATCH that changes nothing (a GET body sent back) is answered as it is: no new plan revision.
            return SameDetails(changed, current)
                ? EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(current))
                : EnrollmentDecision.Change(changed with { PlanRevision = current.PlanRevision + 1 });
        }, null, cancellationToken);

    public Task<CommandResult<Enrollment>> PauseAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        changes.ApplyAsync(employerId, enrollmentId, current => current.Status switch
        {
            EnrollmentStatus.Paused => EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(current)),
            EnrollmentStatus.Active => EnrollmentDecision.Change(current with { Status = EnrollmentStatus.Paused, StatusChangedAt = clock.Now }),
            _ => EnrollmentDecision.Reply(CommandResult<Enrollment>.Conflict($"only an active enrolment can be paused; this one is {Describe(current)}")),
        }, null, cancellationToken);

    /// <summary>Resumes a paused enrolment with a new plan revision, so that the milestones still ahead are planned afresh.</summary>
    public Task<CommandResult<Enrollment>> ResumeAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        changes.ApplyAsync(employerId, enrollmentId, current => current.Status switch
        {
            EnrollmentStatus.Active => EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(current)),
            EnrollmentStatus.Paused => EnrollmentDecision.Change(current with { Status = EnrollmentStatus.Active, StatusChangedAt = clock.Now, PlanRevision = current.PlanRevision + 1 }),
            _ => EnrollmentDecision.Reply(CommandResult<Enrollment>.Conflict($"only a paused enrolment can be resumed; this one is {Describe(current)}")),
        }, null, cancellationToken);

    public Task<CommandResult<Enrollment>> CancelAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        changes.ApplyAsync(employerId, enrollmentId, current => current.Status == EnrollmentStatus.Cancelled
            ? EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(current))
            : EnrollmentDecision.Change(current with { Status = EnrollmentStatus.Cancelled, StatusChangedAt = clock.Now }),
            null, cancellationToken);

    /// <summary>The newcomer left: the journey stops (every future nudge cancelled). Leaving twice changes nothing.</summary>
    public Task<CommandResult<Enrollment>> LeaveAsync(string employerId, string enrollmentId, CancellationToken cancellationToken) =>
        changes.ApplyAsync(employerId, enrollmentId, current => current.Status is EnrollmentStatus.Left or EnrollmentStatus.Cancelled
            ? EnrollmentDecision.Reply(CommandResult<Enrollment>.Ok(current))
            : EnrollmentDecision.Change(current with { Status = EnrollmentStatus.Left, StatusChangedAt = clock.Now }),
            null, cancellationToken);

    /// <summary>The people of the enrolment who unsubscribed, for showing with it.</summary>
    public async Task<IReadOnlyList<UnsubscribedPerson>> UnsubscribedAsync(Enrollment enrollment, CancellationToken cancellationToken) =>
        (await unsubscribes.ForAsync(enrollment, cancellationToken)).Select(u => new UnsubscribedPerson(u.Key, u.Value.At)).ToList();

    /// <summary>
    /// A second request with an enrolled external id: the same details are a replay (answered with the enrolment as it
    /// is, whatever its status), other details a conflict naming the fields, never silently dropped.
    /// </summary>
    private static EnrollResult Replay(Enrollment stored, Enrollment requested) =>
        EnrollmentDifferences.Between(stored, requested) is { Count: > 0 } differing
            ? new EnrollResult(EnrollmentOutcome.Conflict, stored, differing.Select(f => new FieldError(f, "differs from the enrolment stored under this externalId")).ToList())
            : new EnrollResult(EnrollmentOutcome.Existing, stored, []);

    private static bool SameDetails(Enrollment changed, Enrollment current) =>
        changed.Interests.SequenceEqual(current.Interests, StringComparer.Ordinal)
        && changed.Family.ChildrenAges.SequenceEqual(current.Family.ChildrenAges)
        && changed with { Interests = current.Interests, Family = current.Family with { ChildrenAges = current.Family.ChildrenAges } } == current;

    private static string Describe(Enrollment enrollment) =>
        enrollment.Erased ? "erased" : enrollment.Status.ToString().ToLowerInvariant();

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
