using NodaTime;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// Turns an enrolment into its journey: every nudge, with kind, audience, due instant, reason and
/// message key. Pure and deterministic: the same enrolment and clock give the same nudges and ids.
/// </summary>
public interface IJourneyPlanner
{
    /// <summary>The nudges of a new enrolment that are due at or after <paramref name="now"/>; milestones already past are not planned.</summary>
    IReadOnlyList<Nudge> Plan(Enrollment enrollment, Instant now);

    /// <summary>
    /// Re-plans after a change (dates, ildsjel, municipality, family, resume): sent and acted nudges stay as
    /// they are; scheduled ones that the new plan no longer contains unchanged are cancelled; the new plan's
    /// future nudges that are not already stored are added; never two live nudges for one milestone. Nothing goes
    /// live for an audience in <paramref name="unsubscribed"/>.
    /// </summary>
    JourneyReplan Replan(Enrollment enrollment, IReadOnlyList<Nudge> existing, Instant now, IReadOnlySet<Audience> unsubscribed);
}
