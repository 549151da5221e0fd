using NodaTime;

namespace Retention.Core.Calendar;

/// <summary>A Norwegian public holiday (helligdag or lovfestet høytidsdag) on its date.</summary>
public sealed record PublicHoliday(LocalDate Date, string Name);
