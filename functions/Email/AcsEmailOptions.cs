using System.ComponentModel.DataAnnotations;

namespace Retention.Functions.Email;

/// <summary>Azure Communication Services Email: the resource endpoint (Entra ID auth) and the sender on its linked domain.</summary>
public sealed class AcsEmailOptions
{
    public const string SectionName = "Retention:Email:Acs";

    /// <summary>e.g. <c>https://acs-abc123.europe.communication.azure.com</c>.</summary>
    [Required]
    [Url]
    public string Endpoint { get; set; } = "";

    /// <summary>e.g. <c>DoNotReply@&lt;guid&gt;.azurecomm.net</c>: ACS sends only from a linked, verified domain.</summary>
    [Required]
    [EmailAddress]
    public string SenderAddress { get; set; } = "";
}
