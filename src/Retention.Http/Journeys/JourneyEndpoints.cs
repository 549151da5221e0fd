using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Application;
using Retention.Http.OpenApi;
using Retention.Http.Problems;
using Retention.Http.Query;

namespace Retention.Http.Journeys;

/// <summary>The journey of an enrolment, and a preview of its future messages.</summary>
public static class JourneyEndpoints
{
    public static RouteGroupBuilder MapJourneyEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapGet("/enrollments/{id}/journey", GetAsync).WithName("GetJourney")
            .Documented("Journeys", "Get the journey", "Every planned and past nudge, with its status and, when cancelled or skipped, why.")
            .Produces<JourneyResponse>();
        employer.MapGet("/enrollments/{id}/journey/preview", PreviewAsync).WithName("PreviewJourney")
            .Documented("Journeys", "Preview the future messages", "Renders the messages still to come without sending them; language (nb or en) overrides each recipient's own.")
            .Produces<PreviewResponse>().ProducesValidationProblem();
        return employer;
    }

    public static async Task<IResult> GetAsync(string employerId, string id, JourneyService journeys, CancellationToken cancellationToken)
    {
        if (await journeys.GetAsync(employerId, id, cancellationToken) is not { } journey)
        {
            return ApiProblems.NotFound();
        }

        return TypedResults.Ok(new JourneyResponse(journey.Nudges.Select(n => NudgeResponse.From(journey.Enrollment, n)).ToList()));
    }

    public static async Task<IResult> PreviewAsync(string employerId, string id, string? language, JourneyService journeys, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var chosen = query.Choice("language", language, SupportedLanguages);
        if (query.Errors.Count > 0)
        {
            return ApiProblems.Validation(query.Errors);
        }

        return await journeys.PreviewAsync(employerId, id, chosen, cancellationToken) is { } messages
            ? TypedResults.Ok(new PreviewResponse(chosen, messages))
            : ApiProblems.NotFound();
    }

    /// <summary>Languages with templates. More languages are data (templates), added here when they ship.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["nb", "en"];
}
