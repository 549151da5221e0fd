using Retention.Core.Events;

namespace Retention.Storage.Cosmos;

/// <summary>An enrolment's check-ins and outcomes: a handful per person over the years, read together.</summary>
internal sealed record EventsDocument(string Id, string EmployerId, string EnrollmentId, IReadOnlyList<CheckIn> CheckIns, IReadOnlyList<Outcome> Outcomes, int? Ttl)
{
    public string Type => "events";
}
