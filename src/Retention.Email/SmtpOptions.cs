using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Retention.Email;

/// <summary>The SMTP server (<c>Retention:Email:Smtp</c>). Credentials are optional; leave them out for a relay that needs none.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>TLS: <c>Auto</c>, <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c> or <c>StartTlsWhenAvailable</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Connections kept open and reused; also the number of messages in flight at once.</summary>
    [Range(1, 32)]
    public int PoolSize { get; set; } = 2;

    /// <summary>Timeout of each SMTP operation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A reused connection idle for longer than this is checked with NOOP first (servers drop idle ones).</summary>
    public TimeSpan IdleCheckAfter { get; set; } = TimeSpan.FromSeconds(15);
}
