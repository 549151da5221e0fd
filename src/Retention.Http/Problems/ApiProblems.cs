using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Retention.Core.Enrollments;

namespace Retention.Http.Problems;

/// <summary>RFC 9457 problem details for every error the API returns, with an <c>errors</c> map for field problems.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Validation(IReadOnlyList<FieldError> errors, string? detail = null) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Detail = detail ?? string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Extensions =
            {
                ["errors"] = errors
                    .GroupBy(e => e.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal),
            },
        });

    public static ProblemHttpResult Validation(string field, string reason) => Validation([new FieldError(field, reason)]);

    public static ProblemHttpResult NotFound(string what = "enrolment") =>
        TypedResults.Problem(title: "Not found.", detail: $"No such {what} for this employer.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(title: "Unauthorized.", detail: "Send a valid API key in the X-Api-Key header.", statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict.", detail: detail, statusCode: StatusCodes.Status409Conflict);

    /// <summary>A conflict with a stored enrolment: which one, and the fields (if any) that differ from it.</summary>
    public static ProblemHttpResult Conflict(string detail, string enrollmentId, IReadOnlyList<FieldError> differing) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict.",
            Detail = detail,
            Extensions =
            {
                ["enrollmentId"] = enrollmentId,
                ["errors"] = differing
                    .GroupBy(e => e.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal),
            },
        });

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(title: "Request body too large.", detail: $"The body must be at most {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem(title: "Unsupported media type.", detail: $"Send the body as {expected}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
}
