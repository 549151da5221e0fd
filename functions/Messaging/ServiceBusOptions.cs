using System.ComponentModel.DataAnnotations;

namespace Retention.Functions.Messaging;

/// <summary>Where nudge messages are scheduled. In Azure: the namespace and the managed identity, no keys.</summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string SectionName = "Retention:ServiceBus";

    /// <summary>e.g. <c>sb-abc123.servicebus.windows.net</c>; reached with DefaultAzureCredential.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Only for the local Service Bus emulator, which has no Entra ID. Never set in Azure.</summary>
    public string? ConnectionString { get; set; }

    [Required]
    public string QueueName { get; set; } = "nudges";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) == string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Set exactly one of Retention:ServiceBus:FullyQualifiedNamespace (Azure) or Retention:ServiceBus:ConnectionString (emulator).",
                [nameof(FullyQualifiedNamespace), nameof(ConnectionString)]);
        }
    }
}
