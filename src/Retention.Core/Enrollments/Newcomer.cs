namespace Retention.Core.Enrollments;

/// <summary>The international hire. <paramref name="TimeZone"/> is an IANA id: before arrival they are often abroad.</summary>
public sealed record Newcomer(string Name, string Email, string Language, string TimeZone);
