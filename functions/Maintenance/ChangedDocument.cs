using System.Text.Json.Serialization;

namespace Retention.Functions.Maintenance;

/// <summary>The one property the change-feed trigger reads from a changed document: whose it is.</summary>
public sealed record ChangedDocument([property: JsonPropertyName("employerId")] string? EmployerId);
