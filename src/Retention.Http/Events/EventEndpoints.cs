using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Application;
using Retention.Http.Enrollments;
using Retention.Http.Json;

namespace Retention.Http.Events;

/// <summary>Check-ins (from the newcomer, through HR or the API) and outcomes (from HR).</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapPost("/enrollments/{id}/checkins", CheckInAsync).WithName("RecordCheckIn");
        employer.MapPost("/enrollments/{id}/outcome", OutcomeAsync).WithName("RecordOutcome");
        return employer;
    }

    public static async Task<IResult> CheckInAsync(string employerId, string id, HttpRequest request, CheckInService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<CheckInInput>(request, cancellationToken);
        return problem ?? EnrollmentEndpoints.ToResult(
            await service.RecordAsync(employerId, id, input!, nudgeId: null, cancellationToken),
            c => TypedResults.Created($"{EnrollmentEndpoints.Location(employerId, id)}/checkins/{c.Id}", new { c.Id, c.At, c.Belonging, c.IntentToStay }));
    }

    public static async Task<IResult> OutcomeAsync(string employerId, string id, HttpRequest request, OutcomeService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<OutcomeInput>(request, cancellationToken);
        return problem ?? EnrollmentEndpoints.ToResult(
            await service.RecordAsync(employerId, id, input!, cancellationToken),
            o => TypedResults.Created($"{EnrollmentEndpoints.Location(employerId, id)}/outcome", new { o.Id, o.Status, o.Date, o.Reason, o.RecordedAt }));
    }
}
