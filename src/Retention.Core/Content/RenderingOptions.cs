using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Content;

/// <summary>How messages are addressed and linked. Hosts bind it from <see cref="SectionName"/>.</summary>
public sealed record RenderingOptions
{
    public const string SectionName = "Retention:Rendering";

    /// <summary>Where <c>/a/{token}</c> is served, e.g. <c>https://retention.example.no</c>.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; init; } = "";

    [Required, EmailAddress]
    public string FromAddress { get; init; } = "";

    [Required]
    public string FromName { get; init; } = "Retention";

    /// <summary>How long done/snooze/dismiss and check-in links work.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Unsubscribe links outlive action links: people unsubscribe from old mail too.</summary>
    public TimeSpan UnsubscribeLinkLifetime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The employer's zone: the welcome lunch slot and due dates are read in it.</summary>
    public string WorkplaceTimeZone { get; init; } = "Europe/Oslo";

    /// <summary>HR contacts have no language of their own in the enrolment.</summary>
    public string HrLanguage { get; init; } = "nb";

    /// <summary>"Events in the next N days", counted from render time.</summary>
    [Range(1, 90)]
    public int LocalEventsWindowDays { get; init; } = 14;
}
