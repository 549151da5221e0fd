using NodaTime;

namespace Retention.Core.Application;

/// <summary>The application's view of time: the host's <see cref="TimeProvider"/> as NodaTime, in the employer's zone.</summary>
public sealed class RetentionClock(TimeProvider timeProvider)
{
    /// <summary>Employers are Norwegian: "today" for validation and reporting is the date in Oslo.</summary>
    public static DateTimeZone EmployerZone { get; } = DateTimeZoneProviders.Tzdb["Europe/Oslo"];

    public Instant Now => Instant.FromDateTimeOffset(timeProvider.GetUtcNow());

    public LocalDate Today => Now.InZone(EmployerZone).Date;
}
