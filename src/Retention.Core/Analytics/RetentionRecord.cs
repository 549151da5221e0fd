using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Events;
using Retention.Core.Journeys;

namespace Retention.Core.Analytics;

/// <summary>
/// Everything the dashboard needs about one newcomer, cheap for a store to produce and free of personal data
/// (no names, no e-mail addresses, no free text). Build it with <see cref="From"/>.
/// </summary>
public sealed record RetentionRecord
{
    /// <summary>The zone in which instants (sent, acted, answered) become days: the employers are Norwegian.</summary>
    public static DateTimeZone EmployerZone { get; } = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public required string EnrollmentId { get; init; }
    public required string Municipality { get; init; }
    public required LocalDate ArrivalDate { get; init; }
    public required LocalDate StartDate { get; init; }
    public required EnrollmentStatus Status { get; init; }

    /// <summary>Last working day reported by HR (an outcome <c>left</c>); null while employed.</summary>
    public LocalDate? DepartureDate { get; init; }
    public DepartureReason? DepartureReason { get; init; }

    /// <summary>Day the enrolment was cancelled: follow-up ends there (censored), it is not a departure.</summary>
    public LocalDate? CancellationDate { get; init; }

    public WelcomeLunchState WelcomeLunch { get; init; } = WelcomeLunchState.NotSent;

    /// <summary>Day the ildsjel acted on the welcome-lunch nudge, when <see cref="WelcomeLunch"/> is <see cref="WelcomeLunchState.Acted"/>.</summary>
    public LocalDate? WelcomeLunchActedOn { get; init; }

    /// <summary>Days from start date to the welcome-lunch action (negative when acted before the first day).</summary>
    public int? DaysToWelcomeLunch => WelcomeLunchActedOn is { } day ? Period.DaysBetween(StartDate, day) : null;

    /// <summary>Ildsjel nudges sent and acted on, per kind (reminders and escalations are not counted as kinds of their own).</summary>
    public IReadOnlyList<NudgeKindTally> IldsjelNudges { get; init; } = [];

    /// <summary>How many of the most recent ildsjel nudges in a row went without any response.</summary>
    public int IldsjelIgnoredStreak { get; init; }

    public int CheckInNudgesSent { get; init; }
    public int CheckInNudgesAnswered { get; init; }

    /// <summary>
    /// How many of the newcomer's nudges (any audience) are <see cref="NudgeStatus.Failed"/>: not delivered and not
    /// retried any more. The current state, not as of a date: a failure needs acting on whatever the period.
    /// </summary>
    public int FailedNudges { get; init; }

    /// <summary>The newcomer's check-ins, oldest first.</summary>
    public IReadOnlyList<CheckInAnswer> CheckIns { get; init; } = [];

    /// <summary>
    /// The follow-up as of <paramref name="asOf"/>: days from start to departure (an event), or to cancellation or
    /// <paramref name="asOf"/> (censored). Null when the newcomer had not started by then.
    /// </summary>
    public SurvivalObservation? ObservationAt(LocalDate asOf)
    {
        if (StartDate > asOf)
        {
            return null;
        }

        if (DepartureDate is { } left && left <= asOf && (CancellationDate is not { } c || left <= c))
        {
            return new SurvivalObservation(DaysSinceStart(left < StartDate ? StartDate : left), Left: true);
        }

        var end = CancellationDate is { } cancelled && cancelled < asOf ? cancelled : asOf;
        return new SurvivalObservation(DaysSinceStart(end < StartDate ? StartDate : end), Left: false);
    }

    /// <summary>Days from the start date to <paramref name="day"/>.</summary>
    public int DaysSinceStart(LocalDate day) => Period.DaysBetween(StartDate, day);

    /// <summary>Builds the record from the stored enrolment, its nudges, check-ins and outcomes (pure; no clock).</summary>
    public static RetentionRecord From(Enrollment enrollment, IReadOnlyList<Nudge> nudges, IReadOnlyList<CheckIn> checkIns, IReadOnlyList<Outcome> outcomes) =>
        From(EnrollmentFacts.Of(enrollment), nudges, checkIns, outcomes);

    /// <summary>Builds the record from an enrolment's facts, its nudges, check-ins and outcomes (pure; no clock).</summary>
    public static RetentionRecord From(EnrollmentFacts enrollment, IReadOnlyList<Nudge> nudges, IReadOnlyList<CheckIn> checkIns, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(nudges);
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(outcomes);

        // The empty cases skip the queries: a dashboard builds a million of these, most without outcomes.
        var departure = outcomes.Count == 0
            ? null
            : outcomes
                .Where(o => o.Status == OutcomeStatus.Left)
                .OrderByDescending(o => o.RecordedAt)
                .FirstOrDefault();
        LocalDate? departureDate = departure?.Date;
        if (departureDate is null && enrollment.Status == EnrollmentStatus.Left)
        {
            departureDate = ToDay(enrollment.StatusChangedAt ?? enrollment.CreatedAt);
        }

        LocalDate? cancelled = enrollment.Status == EnrollmentStatus.Cancelled
            ? ToDay(enrollment.StatusChangedAt ?? enrollment.CreatedAt)
            : null;

        var journey = nudges.Count == 0 ? null : new JourneyFacts(nudges, checkIns);
        var (lunch, lunchDay) = journey?.WelcomeLunch() ?? (WelcomeLunchState.NotSent, null);

        return new RetentionRecord
        {
            EnrollmentId = enrollment.Id,
            Municipality = enrollment.Municipality,
            ArrivalDate = enrollment.ArrivalDate,
            StartDate = enrollment.StartDate,
            Status = enrollment.Status,
            DepartureDate = departureDate,
            DepartureReason = departure?.Reason,
            CancellationDate = cancelled,
            WelcomeLunch = lunch,
            WelcomeLunchActedOn = lunchDay,
            IldsjelNudges = journey?.IldsjelTallies() ?? [],
            IldsjelIgnoredStreak = journey?.IldsjelIgnoredStreak() ?? 0,
            CheckInNudgesSent = journey?.CheckInNudgesSent() ?? 0,
            CheckInNudgesAnswered = journey?.CheckInNudgesAnswered() ?? 0,
            FailedNudges = journey?.FailedNudges() ?? 0,
            // Most newcomers have no check-in yet: share the empty list rather than allocate one each (1 M records).
            CheckIns = checkIns.Count == 0
                ? []
                : checkIns
                    .OrderBy(c => c.At)
                    .Select(c => new CheckInAnswer(ToDay(c.At), c.Belonging, c.IntentToStay))
                    .ToArray(),
        };
    }

    internal static LocalDate ToDay(Instant instant) => instant.InZone(EmployerZone).Date;
}
