namespace Retention.Core.Enrollments;

/// <summary>The enthusiastic colleague who makes the newcomer feel welcome. Works in the employer's zone.</summary>
public sealed record Ildsjel(string Name, string Email, string Language);
