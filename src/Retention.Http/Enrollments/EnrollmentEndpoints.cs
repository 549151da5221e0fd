using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Storage;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;
using Retention.Http.Query;

namespace Retention.Http.Enrollments;

/// <summary>Enrolment routes. Handlers are public so that the Functions app's HTTP triggers call the very same code.</summary>
public static class EnrollmentEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private const string Tag = "Enrollments";

    private const string EnrollmentExample = """
        { "externalId": "HR-4711",
          "newcomer": { "name": "Audrey", "email": "audrey@example.com", "language": "en", "timeZone": "America/Chicago" },
          "ildsjel": { "name": "Karianne", "email": "karianne@example.no", "language": "nb" },
          "hrContact": { "name": "Ingrid", "email": "hr@example.no" },
          "arrivalDate": "2027-03-01", "startDate": "2027-03-03", "municipality": "Haugesund",
          "family": { "partner": true, "childrenAges": [4, 9] }, "interests": ["hiking", "choir"],
          "consent": { "newcomerNudges": true } }
        """;

    public static RouteGroupBuilder MapEnrollmentEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapPost("/enrollments", CreateAsync).WithName("Enroll")
            .Documented(Tag, "Enrol a newcomer", "Plans the journey. The same externalId with the same details again is an idempotent 200; with other details a 409 naming the enrolment and the differing fields.")
            .WithJsonBody<EnrollmentDraft>(EnrollmentExample)
            .Produces<EnrollmentResponse>(StatusCodes.Status201Created).Produces<EnrollmentResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        employer.MapGet("/enrollments", ListAsync).WithName("ListEnrollments")
            .Documented(Tag, "List enrolments", "A page of at most limit (1..200, default 50) enrolments, optionally of one status; pass nextCursor as cursor for the next page.")
            .Produces<EnrollmentPageResponse>().ProducesValidationProblem();
        employer.MapGet("/enrollments/{id}", GetAsync).WithName("GetEnrollment")
            .Documented(Tag, "Get an enrolment", "With unsubscribed: the people whose address is unsubscribed.")
            .Produces<EnrollmentResponse>();
        employer.MapPatch("/enrollments/{id}", UpdateAsync).WithName("ChangeEnrollment")
            .Documented(Tag, "Change an enrolment", "Send only what changes (a body GET returned may be sent back: read-only fields are ignored when unchanged). A person or the family given in part changes only the fields given; \"hrContact\": null removes the HR contact. The journey is re-planned: future nudges are cancelled and re-created, sent ones untouched.")
            .WithJsonBody<EnrollmentPatch>("""{ "ildsjel": { "name": "Ola", "email": "ola@example.no" }, "startDate": "2027-03-08" }""")
            .Produces<EnrollmentResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        employer.MapPost("/enrollments/{id}/pause", PauseAsync).WithName("PauseEnrollment")
            .Documented(Tag, "Pause an enrolment", "No body. Nothing is sent while paused.").Produces<EnrollmentResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        employer.MapPost("/enrollments/{id}/resume", ResumeAsync).WithName("ResumeEnrollment")
            .Documented(Tag, "Resume a paused enrolment", "No body.").Produces<EnrollmentResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        employer.MapDelete("/enrollments/{id}", CancelAsync).WithName("CancelEnrollment")
            .Documented(Tag, "Cancel an enrolment", "Future nudges are cancelled; the record stays for the figures.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        employer.MapDelete("/enrollments/{id}/personal-data", EraseAsync).WithName("ErasePersonalData")
            .Documented(Tag, "Erase personal data", "Personal fields are removed everywhere; aggregates are kept.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict);
        return employer;
    }

    public static async Task<IResult> CreateAsync(string employerId, HttpRequest request, EnrollmentService service, CancellationToken cancellationToken)
    {
        var (draft, problem) = await JsonBody.ReadAsync<EnrollmentDraft>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await service.EnrollAsync(employerId, draft!, cancellationToken);
        return result.Outcome switch
        {
            EnrollmentOutcome.Created => TypedResults.Created(Location(employerId, result.Enrollment!.Id), EnrollmentResponse.From(result.Enrollment)),

            // Same external id and details as before: an idempotent replay, not an error.
            EnrollmentOutcome.Existing => TypedResults.Ok(EnrollmentResponse.From(result.Enrollment!)),
            EnrollmentOutcome.Conflict => ApiProblems.Conflict(
                $"externalId {draft!.ExternalId} is already enrolled as {result.Enrollment!.Id} with other details ({string.Join(", ", result.Errors.Select(e => e.Field))}); "
                + "change that enrolment with PATCH, or use another externalId",
                result.Enrollment.Id, result.Errors),
            EnrollmentOutcome.Erased => ApiProblems.Conflict(
                $"externalId {draft!.ExternalId} belonged to a person whose personal data was erased (enrolment {result.Enrollment!.Id}); they are not enrolled again under it",
                result.Enrollment.Id, []),
            _ => ApiProblems.Validation(result.Errors),
        };
    }

    public static async Task<IResult> GetAsync(string employerId, string id, EnrollmentService service, CancellationToken cancellationToken) =>
        await service.GetAsync(employerId, id, cancellationToken) is { } found
            ? TypedResults.Ok(EnrollmentResponse.From(found, await service.UnsubscribedAsync(found, cancellationToken)))
            : ApiProblems.NotFound();

    /// <summary>The statuses as the API spells them (the JSON enum naming), for the <c>status</c> filter.</summary>
    public static IReadOnlyDictionary<string, EnrollmentStatus> StatusNames { get; } =
        Enum.GetValues<EnrollmentStatus>().ToDictionary(s => JsonNamingPolicy.KebabCaseLower.ConvertName(s.ToString()), s => s, StringComparer.Ordinal);

    public static async Task<IResult> ListAsync(string employerId, string? status, string? cursor, string? limit, IEnrollmentStore store, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var filter = query.Choice("status", status, [.. StatusNames.Keys]) is { } name ? StatusNames[name] : (EnrollmentStatus?)null;
        var after = query.Cursor("cursor", cursor);
        var size = query.Number("limit", limit, 1, MaxPageSize) ?? DefaultPageSize;
        if (query.Errors.Count > 0)
        {
            return ApiProblems.Validation(query.Errors);
        }

        var page = await store.ListAsync(employerId, filter, after, size, cancellationToken);
        return TypedResults.Ok(new EnrollmentPageResponse(page.Items.Select(e => EnrollmentResponse.From(e)).ToList(), page.NextCursor));
    }

    public static async Task<IResult> UpdateAsync(string employerId, string id, HttpRequest request, EnrollmentService service, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonObject>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Read-only fields are compared with the enrolment as it is now; the change itself is applied by the service.
        if (await service.GetAsync(employerId, id, cancellationToken) is not { } current)
        {
            return ApiProblems.NotFound();
        }

        var (patch, invalid) = EnrollmentPatchBody.Read(body!, current, await service.UnsubscribedAsync(current, cancellationToken));
        return invalid ?? ToResult(await service.UpdateAsync(employerId, id, patch!, cancellationToken));
    }

    public static async Task<IResult> PauseAsync(string employerId, string id, EnrollmentService service, CancellationToken cancellationToken) =>
        ToResult(await service.PauseAsync(employerId, id, cancellationToken));

    public static async Task<IResult> ResumeAsync(string employerId, string id, EnrollmentService service, CancellationToken cancellationToken) =>
        ToResult(await service.ResumeAsync(employerId, id, cancellationToken));

    public static async Task<IResult> CancelAsync(string employerId, string id, EnrollmentService service, CancellationToken cancellationToken) =>
        await service.CancelAsync(employerId, id, cancellationToken) switch
        {
            { Status: CommandStatus.Done } => TypedResults.NoContent(),
            var other => ToResult(other),
        };

    public static async Task<IResult> EraseAsync(string employerId, string id, PersonalDataService service, CancellationToken cancellationToken) =>
        await service.EraseAsync(employerId, id, cancellationToken) switch
        {
            CommandStatus.Done => TypedResults.NoContent(),
            CommandStatus.NotFound => ApiProblems.NotFound(),
            _ => ApiProblems.Conflict("the enrolment kept changing while it was being erased; try again"),
        };

    public static string Location(string employerId, string id) => $"/api/v1/employers/{employerId}/enrollments/{id}";

    internal static IResult ToResult<T>(CommandResult<T> result, Func<T, IResult>? ok = null) => result.Status switch
    {
        CommandStatus.Done when ok is not null => ok(result.Value!),
        CommandStatus.Done => TypedResults.Ok(result.Value is Enrollment e ? EnrollmentResponse.From(e) : (object?)result.Value),
        CommandStatus.NotFound => ApiProblems.NotFound(),
        CommandStatus.Invalid => ApiProblems.Validation(result.Errors),
        _ => ApiProblems.Conflict(result.Reason ?? "the request conflicts with the enrolment's state"),
    };
}
