using Retention.Core.Regions;

namespace Retention.Storage.Cosmos;

/// <summary>
/// An employer's settings in its partition of the data container. <c>shareWithRegion</c> is top level for the
/// sharing-employers query; no <c>ttl</c>: settings are not raw records.
/// </summary>
internal sealed record EmployerSettingsDocument(string Id, string EmployerId, bool ShareWithRegion, EmployerSettings Settings)
{
    public string Type => "employerSettings";
}
