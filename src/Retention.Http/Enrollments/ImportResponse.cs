using Retention.Core.Import;

namespace Retention.Http.Enrollments;

/// <summary>The per-row report of an import, with totals.</summary>
public sealed record ImportResponse(int Created, int Existing, int Duplicate, int Invalid, int Conflict, int Erased, IReadOnlyList<ImportRowResponse> Rows)
{
    public static ImportResponse From(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Created, report.Existing, report.Duplicate, report.Invalid, report.Conflict, report.Erased, report.Rows
            .Select(r => new ImportRowResponse(r.Row, r.ExternalId, r.Status, r.EnrollmentId,
                r.Errors.Count == 0 ? null : r.Errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal)))
            .ToList());
    }
}
