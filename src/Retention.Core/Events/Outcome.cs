using NodaTime;

namespace Retention.Core.Events;

/// <summary>A retention fact recorded by HR: departure (with a reason) or a confirmation of staying.</summary>
public sealed record Outcome
{
    public required string EmployerId { get; init; }
    public required string EnrollmentId { get; init; }
    public required string Id { get; init; }
    public required OutcomeStatus Status { get; init; }
    public required LocalDate Date { get; init; }
    public DepartureReason? Reason { get; init; }
    public required Instant RecordedAt { get; init; }
}
