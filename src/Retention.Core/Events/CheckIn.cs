using NodaTime;

namespace Retention.Core.Events;

/// <summary>A short answer from the newcomer: belonging and intent to stay, each 1..5.</summary>
public sealed record CheckIn
{
    public required string EmployerId { get; init; }
    public required string EnrollmentId { get; init; }
    public required string Id { get; init; }
    public required Instant At { get; init; }
    public required int Belonging { get; init; }
    public required int IntentToStay { get; init; }

    /// <summary>Free text: personal data, removed on erasure, never exported.</summary>
    public string? Comment { get; init; }

    /// <summary>The nudge whose one-click link carried the answer, if any.</summary>
    public string? NudgeId { get; init; }
}
