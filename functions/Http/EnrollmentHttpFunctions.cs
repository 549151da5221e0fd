using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Http;

namespace Retention.Functions.Http;

/// <summary>Enrolment routes of api.md; each trigger binds the route and hands the request to the shared handler.</summary>
public static class EnrollmentHttpFunctions
{
    private const string Enrollments = "api/v1/employers/{employerId}/enrollments";

    [Function("CreateEnrollment")]
    public static Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments)] HttpRequest req, string employerId) =>
        ResultAction.From(EnrollmentEndpoints.CreateAsync(req.HttpContext, employerId));

    [Function("ListEnrollments")]
    public static Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollments)] HttpRequest req, string employerId) =>
        ResultAction.From(EnrollmentEndpoints.ListAsync(req.HttpContext, employerId));

    [Function("ImportEnrollments")]
    public static Task<IActionResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + ":import")] HttpRequest req, string employerId) =>
        ResultAction.From(EnrollmentEndpoints.ImportAsync(req.HttpContext, employerId));

    [Function("GetEnrollment")]
    public static Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollments + "/{enrollmentId}")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.GetAsync(req.HttpContext, employerId, enrollmentId));

    [Function("UpdateEnrollment")]
    public static Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Enrollments + "/{enrollmentId}")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.UpdateAsync(req.HttpContext, employerId, enrollmentId));

    [Function("CancelEnrollment")]
    public static Task<IActionResult> Cancel([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Enrollments + "/{enrollmentId}")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.CancelAsync(req.HttpContext, employerId, enrollmentId));

    [Function("PauseEnrollment")]
    public static Task<IActionResult> Pause([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + "/{enrollmentId}/pause")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.PauseAsync(req.HttpContext, employerId, enrollmentId));

    [Function("ResumeEnrollment")]
    public static Task<IActionResult> Resume([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + "/{enrollmentId}/resume")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.ResumeAsync(req.HttpContext, employerId, enrollmentId));

    [Function("EraseEnrollmentPersonalData")]
    public static Task<IActionResult> Erase([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Enrollments + "/{enrollmentId}/personal-data")] HttpRequest req, string employerId, string enrollmentId) =>
        ResultAction.From(EnrollmentEndpoints.ErasePersonalDataAsync(req.HttpContext, employerId, enrollmentId));
}
