using NodaTime;

namespace Retention.Core.Calendar;

/// <summary>
/// A moment of the Norwegian year on its date in one year, e.g. <c>17-may</c> on 2027-05-17. The kinds are
/// listed in <see cref="SeasonalMomentKinds"/>; journey definitions anchor milestones on them.
/// </summary>
public sealed record SeasonalMoment(string Kind, LocalDate Date);
