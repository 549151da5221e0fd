namespace Retention.Core.Enrollments;

/// <summary>Who comes along. Drives the family nudges (kindergarten below 6, school from 6).</summary>
public sealed record Family(bool Partner, IReadOnlyList<int> ChildrenAges)
{
    public static Family None { get; } = new(false, []);

    public bool Any => Partner || ChildrenAges.Count > 0;
}
