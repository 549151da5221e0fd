namespace Retention.Core.Enrollments;

/// <summary>Consent as submitted.</summary>
public sealed record ConsentDraft
{
    public bool? NewcomerNudges { get; init; }
}
