namespace Retention.Core.Enrollments;

/// <summary>Family as submitted.</summary>
public sealed record FamilyDraft
{
    public bool? Partner { get; init; }
    public IReadOnlyList<int>? ChildrenAges { get; init; }
}
