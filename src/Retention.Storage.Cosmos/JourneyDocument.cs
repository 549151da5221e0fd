namespace Retention.Storage.Cosmos;

/// <summary>The ids of an enrolment's nudges, so that the journey is point reads and never a query.</summary>
internal sealed record JourneyDocument(string Id, string EmployerId, string EnrollmentId, IReadOnlyList<string> NudgeIds, int? Ttl)
{
    public string Type => "journey";
}
