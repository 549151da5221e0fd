using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Links;

/// <summary>
/// The key that signs one-click links. Hosts bind it from configuration (Key Vault in Azure) and never log it.
/// </summary>
public sealed class ActionLinkOptions
{
    public const string SectionName = "Retention:Links";

    /// <summary>Base64 of at least 32 random bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Earlier keys still accepted when verifying (never used to sign), so a key rotation does not break links
    /// already in people's inboxes.
    /// </summary>
    public IList<string> PreviousSigningKeys { get; } = [];
}
