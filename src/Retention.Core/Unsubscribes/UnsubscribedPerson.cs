using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Unsubscribes;

/// <summary>A person of an enrolment whose address is unsubscribed, and since when.</summary>
public sealed record UnsubscribedPerson(Audience Person, Instant At);
