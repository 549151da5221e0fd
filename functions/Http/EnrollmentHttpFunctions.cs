using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Retention.Core.Application;
using Retention.Core.Import;
using Retention.Core.Storage;
using Retention.Http.Enrollments;

namespace Retention.Functions.Http;

/// <summary>Enrolment routes of api.md: each trigger binds the route, passes the API-key check and calls the server's handler.</summary>
public sealed class EnrollmentHttpFunctions(EnrollmentService enrollments, PersonalDataService personalData, IEnrollmentStore store, EnrollmentImporter importer)
{
    private const string Enrollments = "api/v1/employers/{employerId}/enrollments";

    [Function("Enroll")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments)] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.CreateAsync(employerId, req, enrollments, cancellationToken));

    [Function("ListEnrollments")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollments)] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.ListAsync(
            employerId, QueryValues.Text(req, "status"), QueryValues.Text(req, "cursor"), QueryValues.Text(req, "limit"), store, cancellationToken));

    [Function("ImportEnrollments")]
    public Task<IActionResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + ":import")] HttpRequest req, string employerId, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => ImportEndpoints.ImportAsync(employerId, req, importer, cancellationToken));

    [Function("GetEnrollment")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Enrollments + "/{id}")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.GetAsync(employerId, id, enrollments, cancellationToken));

    [Function("ChangeEnrollment")]
    public Task<IActionResult> Update([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Enrollments + "/{id}")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.UpdateAsync(employerId, id, req, enrollments, cancellationToken));

    [Function("CancelEnrollment")]
    public Task<IActionResult> Cancel([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Enrollments + "/{id}")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.CancelAsync(employerId, id, enrollments, cancellationToken));

    [Function("PauseEnrollment")]
    public Task<IActionResult> Pause([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + "/{id}/pause")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.PauseAsync(employerId, id, enrollments, cancellationToken));

    [Function("ResumeEnrollment")]
    public Task<IActionResult> Resume([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Enrollments + "/{id}/resume")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.ResumeAsync(employerId, id, enrollments, cancellationToken));

    [Function("ErasePersonalData")]
    public Task<IActionResult> Erase([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Enrollments + "/{id}/personal-data")] HttpRequest req, string employerId, string id, CancellationToken cancellationToken) =>
        EmployerRoute.RunAsync(req, employerId, () => EnrollmentEndpoints.EraseAsync(employerId, id, personalData, cancellationToken));
}
