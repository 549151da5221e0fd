namespace Retention.Core.Application;

/// <summary>
/// An outcome as submitted: <c>status</c> left|stayed, an ISO <c>date</c> (checked by <see cref="OutcomeDate"/>), and a
/// <c>reason</c> from the fixed list when left.
/// </summary>
public sealed record OutcomeInput
{
    public string? Status { get; init; }
    public string? Date { get; init; }
    public string? Reason { get; init; }
}
