namespace Retention.Storage.Cosmos;

/// <summary>
/// One per employer in the aggregates container: a counter the change-feed trigger moves whenever the employer's
/// data changed. It lives outside the data container, so writing it does not feed the change feed it follows.
/// </summary>
internal sealed record DashboardStampDocument(string EmployerId, long Stamp)
{
    public const string DocumentId = "dashboard-stamp";

    public string Id => DocumentId;

    public string Type => "dashboard-stamp";
}
