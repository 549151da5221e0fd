using NodaTime;
using Retention.Core.Journeys;

namespace Retention.Core.Unsubscribes;

/// <summary>
/// A person asked (through a List-Unsubscribe link) to get nothing more from this employer's Retention. Kept per
/// employer and address — the address only as a keyed hash (<see cref="Privacy.Pseudonyms.Address"/>) — and honoured
/// for every enrolment where that address appears, until that person re-consents through a signed link.
/// </summary>
public sealed record Unsubscribe
{
    /// <summary>The most enrolments remembered in <see cref="HeldEnrollmentIds"/>; older ones re-plan at their next change.</summary>
    public const int MaxHeldEnrollments = 1000;

    public required string EmployerId { get; init; }

    /// <summary>The keyed hash of the address.</summary>
    public required string AddressKey { get; init; }

    public required Instant At { get; init; }

    /// <summary>Who the person was in the enrolment whose link they used.</summary>
    public required Audience Audience { get; init; }

    /// <summary>Enrolments whose journeys hold nudges back because of it: a re-consent re-plans them.</summary>
    public IReadOnlyList<string> HeldEnrollmentIds { get; init; } = [];

    /// <summary>Row version / ETag, owned by the store. Empty for a record not yet stored.</summary>
    public string Version { get; init; } = "";
}
