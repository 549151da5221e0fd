using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Application;
using Retention.Http.Journeys;

namespace Retention.Functions.Http;

/// <summary>The journey of an enrolment and the preview of its messages.</summary>
public sealed class JourneyHttpFunctions(JourneyService journeys)
{
    private const string Journey = "api/v1/employers/{employerId}/enrollments/{id}/journey";

    [Function("GetJourney")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Journey)] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => JourneyEndpoints.GetAsync(employerId, id, journeys, cancellationToken));

    [Function("PreviewJourney")]
    public Task<IActionResult> Preview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Journey + "/preview")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => JourneyEndpoints.PreviewAsync(employerId, id, QueryValues.Text(req, "language"), journeys, cancellationToken));
}
