using NodaTime;

namespace Retention.Core.Analytics;

/// <summary>One check-in reduced to what the analytics need: the day (employer's zone) and the two 1..5 answers. No free text.</summary>
public readonly record struct CheckInAnswer(LocalDate Date, int Belonging, int IntentToStay);
