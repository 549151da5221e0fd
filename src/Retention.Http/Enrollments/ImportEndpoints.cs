using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Retention.Core.Import;
using Retention.Http.Json;
using Retention.Http.Problems;

namespace Retention.Http.Enrollments;

/// <summary><c>POST …/enrollments:import</c> (text/csv): enrols the valid rows, reports every row.</summary>
public static class ImportEndpoints
{
    /// <summary>Room for well over 10,000 rows.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        employer.MapPost("/enrollments:import", ImportAsync).WithName("ImportEnrollments");
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
