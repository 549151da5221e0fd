using NodaTime;

namespace Retention.Core.Enrollments;

/// <summary>Who is re-planning an enrolment's journey, and until when others wait for them.</summary>
public sealed record JourneyLease(string Holder, Instant Until);
