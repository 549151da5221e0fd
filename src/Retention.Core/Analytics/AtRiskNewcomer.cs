using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>
/// A newcomer HR may want to reach out to, with why. Identified by enrolment id only (never a name): the list is
/// for HR of the same employer, who can look the person up, and it is individual by design, so it is not
/// subject to the group threshold. Reasons are from <see cref="AtRiskReasons"/>.
/// </summary>
public sealed record AtRiskNewcomer(string EnrollmentId, IReadOnlyList<string> Reasons, LocalDate? LatestCheckInOn, int IldsjelIgnoredNudges);
