namespace Retention.Core.Privacy;

/// <summary>
/// What an erased enrolment keeps in place of its external id: a keyed hash (<see cref="Pseudonyms.ExternalId"/>)
/// under a prefix no HR system's id carries, stored where the id was. The stores look it up like any external id, so a
/// re-enrolment of the erased person is recognised without the id being kept; the API never shows it.
/// </summary>
public static class ErasedExternalId
{
    public const string Prefix = "erased:";

    public static string For(Pseudonyms pseudonyms, string employerId, string externalId)
    {
        ArgumentNullException.ThrowIfNull(pseudonyms);
        return Prefix + pseudonyms.ExternalId(employerId, externalId);
    }

    public static bool Is(string? externalId) => externalId?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
