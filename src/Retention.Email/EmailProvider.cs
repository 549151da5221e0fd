namespace Retention.Email;

/// <summary>Which sender the self-hosted server uses (<c>Retention:Email:Provider</c>).</summary>
public enum EmailProvider
{
    /// <summary>Writes .eml files into a directory: the default, needs nothing external.</summary>
    Pickup,

    /// <summary>Sends through an SMTP server (MailKit).</summary>
    Smtp,
}
