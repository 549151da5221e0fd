using Retention.Core.Application;
using Retention.Core.Enrollments;

namespace Retention.Core.Import;

/// <summary>Enrols the valid rows of a CSV file and reports every row; importing the same file twice enrols nobody twice.</summary>
public sealed class EnrollmentImporter(EnrollmentService enrollments)
{
    /// <summary>Rows beyond this are refused as a whole (split the file): keeps one request bounded.</summary>
    public const int MaxRows = 20_000;

    public async Task<(ImportReport? Report, IReadOnlyList<FieldError> FileErrors)> ImportAsync(string employerId, TextReader csv, CancellationToken cancellationToken)
    {
        var (rows, headerErrors) = EnrollmentCsv.Read(csv);
        if (headerErrors.Count > 0)
        {
            return (null, headerErrors);
        }

        if (rows.Count > MaxRows)
        {
            return (null, [new FieldError("file", $"has {rows.Count} rows; at most {MaxRows} per import")]);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var report = new List<ImportRow>(rows.Count);
        foreach (var row in rows)
        {
            var externalId = row.Draft.ExternalId;
            if (externalId is not null && seen.TryGetValue(externalId, out var first))
            {
                report.Add(new ImportRow(row.Row, externalId, ImportRowStatus.Duplicate, null, [new FieldError("externalId", $"repeats row {first}")]));
                continue;
            }

            if (externalId is not null)
            {
                seen[externalId] = row.Row;
            }

            if (row.Errors.Count > 0)
            {
                report.Add(new ImportRow(row.Row, externalId, ImportRowStatus.Invalid, null, row.Errors));
                continue;
            }

            var result = await enrollments.EnrollAsync(employerId, row.Draft, cancellationToken);
            report.Add(result.Outcome switch
            {
                EnrollmentOutcome.Created => new ImportRow(row.Row, externalId, ImportRowStatus.Created, result.Enrollment!.Id, []),
                EnrollmentOutcome.Existing => new ImportRow(row.Row, externalId, ImportRowStatus.Existing, result.Enrollment!.Id, []),
                EnrollmentOutcome.Conflict => new ImportRow(row.Row, externalId, ImportRowStatus.Conflict, result.Enrollment!.Id, result.Errors),
                EnrollmentOutcome.Erased => new ImportRow(row.Row, externalId, ImportRowStatus.Erased, null,
                    [new FieldError("externalId", "belongs to a person whose personal data was erased; not enrolled again")]),
                _ => new ImportRow(row.Row, externalId, ImportRowStatus.Invalid, null, result.Errors),
            });
        }

        return (new ImportReport(report), []);
    }
}
