namespace Retention.Core.Enrollments;

/// <summary>What the newcomer agreed to. Without <see cref="NewcomerNudges"/> only the ildsjel and HR are nudged.</summary>
public sealed record Consent(bool NewcomerNudges);
