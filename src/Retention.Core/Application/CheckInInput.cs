namespace Retention.Core.Application;

/// <summary>A check-in as submitted: belonging and intent to stay, 1..5, and an optional comment.</summary>
public sealed record CheckInInput
{
    public int? Belonging { get; init; }
    public int? IntentToStay { get; init; }
    public string? Comment { get; init; }
}
