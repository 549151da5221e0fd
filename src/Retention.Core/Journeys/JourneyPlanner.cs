using System.Runtime.CompilerServices;
using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// Plans journeys from a <see cref="JourneyDefinition"/> under a <see cref="PlanningOptions"/> policy: due
/// instants in the recipient's zone and sending window, never on weekends or Norwegian public holidays, merged
/// per recipient and day, capped per recipient and ISO week, with reminders and HR escalations for ildsjel
/// nudges. Thread-safe; the same input always gives the same nudges and ids.
/// </summary>
public sealed class JourneyPlanner : IJourneyPlanner
{
    [ThreadStatic]
    private static JourneyPlanBuilder? _builder;

    private readonly PlanningPolicy _policy;
    private readonly CompiledJourney _default;
    private readonly Func<string, JourneyDefinition?>? _definitionFor;
    private readonly ConditionalWeakTable<JourneyDefinition, CompiledJourney> _compiled = [];

    /// <summary>A planner for the default journey.</summary>
    public JourneyPlanner(PlanningOptions options)
        : this(options, JourneyDefinition.Default)
    {
    }

    /// <summary>A planner that plans every enrolment with <paramref name="definition"/>.</summary>
    public JourneyPlanner(PlanningOptions options, JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _policy = new PlanningPolicy(options);
        _default = new CompiledJourney(definition, _policy.CheckInMonths);
    }

    /// <summary>
    /// A planner that asks <paramref name="definitionForEmployer"/> for an employer's own journey (null: the
    /// default). Return the same instance for the same definition: compiled journeys are cached per instance.
    /// </summary>
    public JourneyPlanner(PlanningOptions options, Func<string, JourneyDefinition?> definitionForEmployer)
        : this(options, JourneyDefinition.Default)
    {
        _definitionFor = definitionForEmployer;
    }

    /// <inheritdoc />
    public IReadOnlyList<Nudge> Plan(Enrollment enrollment, Instant now)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        if (enrollment.Status != EnrollmentStatus.Active || enrollment.Erased)
        {
            return [];
        }

        var builder = _builder ??= new JourneyPlanBuilder();
        return builder.Build(enrollment, JourneyFor(enrollment.EmployerId), _policy, now);
    }

    /// <inheritdoc />
    public JourneyReplan Replan(Enrollment enrollment, IReadOnlyList<Nudge> existing, Instant now, IReadOnlySet<Audience> unsubscribed)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(unsubscribed);
        return JourneyReplanning.Compare(enrollment, existing, Plan(enrollment, now), now, unsubscribed);
    }

    private CompiledJourney JourneyFor(string employerId)
    {
        var definition = _definitionFor?.Invoke(employerId);
        return definition is null || ReferenceEquals(definition, _default.Definition)
            ? _default
            : _compiled.GetValue(definition, d => new CompiledJourney(d, _policy.CheckInMonths));
    }
}
