using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Application;
using Retention.Http.Events;

namespace Retention.Functions.Http;

/// <summary>Check-ins and outcomes of an enrolment.</summary>
public sealed class EventHttpFunctions(CheckInService checkIns, OutcomeService outcomes)
{
    private const string Enrollment = "api/v1/employers/{employerId}/enrollments/{id}";

    [Function("RecordCheckIn")]
    public Task<IActionResult> CheckIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollment + "/checkins")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EventEndpoints.CheckInAsync(employerId, id, req, checkIns, cancellationToken));

    [Function("RecordOutcome")]
    public Task<IActionResult> Outcome([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollment + "/outcome")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EventEndpoints.OutcomeAsync(employerId, id, req, outcomes, cancellationToken));
}
