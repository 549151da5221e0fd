using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Privacy;

/// <summary>
/// The key of the keyed hashes that stand in for personal data the service must still recognise: an unsubscribed
/// address, the external id of an erased person. Hosts bind it from configuration (Key Vault in Azure, a file in
/// the data directory self-hosted) and never log it. It is not rotated: a new key forgets every unsubscribe.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Retention:Privacy";

    /// <summary>Base64 of at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    [Required]
    public string HashKey { get; set; } = "";
}
