using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>Journey, check-in and outcome routes of api.md.</summary>
public static class JourneyHttpFunctions
{
    private const string Enrollment = "api/v1/employers/{employerId}/enrollments/{enrollmentId}";

    [Function("GetJourney")]
    public static Task<IActionResult> Journey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollment + "/journey")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(JourneyEndpoints.GetAsync(req.HttpContext, employerId, enrollmentId));

    [Function("PreviewJourney")]
    public static Task<IActionResult> Preview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollment + "/journey/preview")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(JourneyEndpoints.PreviewAsync(req.HttpContext, employerId, enrollmentId));

    [Function("AddCheckIn")]
    public static Task<IActionResult> CheckIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollment + "/checkins")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(CheckInEndpoints.AddAsync(req.HttpContext, employerId, enrollmentId));

    [Function("RecordOutcome")]
    public static Task<IActionResult> Outcome([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollment + "/outcome")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(OutcomeEndpoints.RecordAsync(req.HttpContext, employerId, enrollmentId));
}
