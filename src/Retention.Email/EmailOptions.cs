using System.ComponentModel.DataAnnotations;

namespace Retention.Email;

/// <summary>E-mail settings (<c>Retention:Email</c>), validated at start-up with messages that name the setting.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Retention:Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Pickup;

    /// <summary>Where the pickup sender writes; defaults to <c>&lt;Retention:DataDirectory&gt;/outbox</c>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The domain part of the stable <c>Message-Id</c> derived from each idempotency key.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9.-]+$", ErrorMessage = "Retention:Email:MessageIdDomain must be a domain name.")]
    public string MessageIdDomain { get; set; } = "retention.local";

    public SmtpOptions Smtp { get; set; } = new();

    public EmailRateLimitOptions RateLimit { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == EmailProvider.Smtp && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            yield return new ValidationResult($"{SectionName}:Smtp:Host is required when {SectionName}:Provider is Smtp.", [nameof(Smtp)]);
        }

        if (Provider == EmailProvider.Pickup && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult($"{SectionName}:PickupDirectory is required when {SectionName}:Provider is Pickup.", [nameof(PickupDirectory)]);
        }

        if (Smtp.UserName is not null && Smtp.Password is null)
        {
            yield return new ValidationResult($"{SectionName}:Smtp:Password is required when {SectionName}:Smtp:UserName is set.", [nameof(Smtp)]);
        }

        if (Smtp.Timeout <= TimeSpan.Zero || Smtp.IdleCheckAfter < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:Smtp:Timeout must be positive and {SectionName}:Smtp:IdleCheckAfter not negative.", [nameof(Smtp)]);
        }

        if (RateLimit.MaxWait < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{SectionName}:RateLimit:MaxWait must not be negative.", [nameof(RateLimit)]);
        }

        foreach (var (prefix, nested) in new (string, object)[] { ("Smtp", Smtp), ("RateLimit", RateLimit) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(nested, new ValidationContext(nested), results, validateAllProperties: true);
            foreach (var result in results)
            {
                var member = result.MemberNames.FirstOrDefault() ?? "?";
                yield return new ValidationResult($"{SectionName}:{prefix}:{member}: {result.ErrorMessage}", [prefix]);
            }
        }
    }
}
