using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Retention.Core.Import;
using Retention.Http.Json;
using Retention.Http.OpenApi;
using Retention.Http.Problems;

namespace Retention.Http.Enrollments;

/// <summary><c>POST …/enrollments:import</c> (text/csv): enrols the valid rows, reports every row.</summary>
public static class ImportEndpoints
{
    /// <summary>Room for well over 10,000 rows.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private const string CsvExample =
        "externalId,newcomerName,newcomerEmail,newcomerLanguage,newcomerTimeZone,ildsjelName,ildsjelEmail,ildsjelLanguage,arrivalDate,startDate,municipality,newcomerNudgesConsent\n"
        + "HR-4711,Audrey,audrey@example.com,en,America/Chicago,Karianne,karianne@example.no,nb,2027-03-01,2027-03-03,Haugesund,true\n";

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapPost("/enrollments:import", ImportAsync).WithName("ImportEnrollments")
            .Documented("Enrollments", "Import enrolments from CSV", "UTF-8 text/csv, one enrolment a row. Valid rows are enrolled, every row is reported; importing the same file again enrols nobody twice (externalId).")
            .WithBody("text/csv", new OpenApiSchema { Type = JsonSchemaType.String }, CsvExample)
            .Produces<ImportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return employer;
    }

    public static async Task<IResult> ImportAsync(string employerId, HttpRequest request, EnrollmentImporter importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.UnsupportedMediaType("text/csv");
        }

        var (body, tooLarge) = await BodyReader.ReadAsync(request, MaxBytes, cancellationToken);
        if (tooLarge)
        {
            return ApiProblems.TooLarge(MaxBytes);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return ApiProblems.Validation("file", "must be UTF-8 text");
        }

        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        var (report, fileErrors) = await importer.ImportAsync(employerId, reader, cancellationToken);
        return report is null ? ApiProblems.Validation(fileErrors) : TypedResults.Ok(ImportResponse.From(report));
    }
}
