namespace Retention.Core.Enrollments;

/// <summary>A person as submitted. <see cref="TimeZone"/> is only meaningful for the newcomer.</summary>
public sealed record PersonDraft
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Language { get; init; }
    public string? TimeZone { get; init; }
}
