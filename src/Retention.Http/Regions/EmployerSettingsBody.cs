namespace Retention.Http.Regions;

/// <summary>The body of <c>PUT /api/v1/employers/{employerId}/settings</c>.</summary>
public sealed record EmployerSettingsBody(bool? ShareWithRegion);
