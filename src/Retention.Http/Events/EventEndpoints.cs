using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Application;
using Retention.Http.Enrollments;
using Retention.Http.Json;
using Retention.Http.OpenApi;

namespace Retention.Http.Events;

/// <summary>Check-ins (from the newcomer, through HR or the API) and outcomes (from HR).</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapPost("/enrollments/{id}/checkins", CheckInAsync).WithName("RecordCheckIn")
            .Documented("Check-ins and outcomes", "Record a check-in", "The newcomer's answers, 1..5 each: belonging and intent to stay, and an optional comment (personal data: erased with the person, never exported).")
            .WithJsonBody<CheckInInput>("""{ "belonging": 4, "intentToStay": 5, "comment": "Settling in well." }""")
            .Produces<CheckInResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        employer.MapPost("/enrollments/{id}/outcome", OutcomeAsync).WithName("RecordOutcome")
            .Documented("Check-ins and outcomes", "Record an outcome", "status left (with a reason: career, partner-job, family, housing, language, social, climate, other) or stayed (a confirmation at a checkpoint, no reason), and the ISO date.")
            .WithJsonBody<OutcomeInput>("""{ "status": "left", "date": "2027-11-30", "reason": "partner-job" }""")
            .WithBodyValues("status", ["left", "stayed"]).WithBodyValues("reason", OutcomeService.Reasons.Keys)
            .Produces<OutcomeResponse>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return employer;
    }

    public static async Task<IResult> CheckInAsync(string employerId, string id, HttpRequest request, CheckInService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<CheckInInput>(request, cancellationToken);
        return problem ?? EnrollmentEndpoints.ToResult(
            await service.RecordAsync(employerId, id, input!, nudgeId: null, cancellationToken),
            c => TypedResults.Created($"{EnrollmentEndpoints.Location(employerId, id)}/checkins/{c.Id}", CheckInResponse.From(c)));
    }

    public static async Task<IResult> OutcomeAsync(string employerId, string id, HttpRequest request, OutcomeService service, CancellationToken cancellationToken)
    {
        var (input, problem) = await JsonBody.ReadAsync<OutcomeInput>(request, cancellationToken);
        return problem ?? EnrollmentEndpoints.ToResult(
            await service.RecordAsync(employerId, id, input!, cancellationToken),
            o => TypedResults.Created($"{EnrollmentEndpoints.Location(employerId, id)}/outcome", OutcomeResponse.From(o)));
    }
}
