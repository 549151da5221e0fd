namespace Retention.Core.Import;

/// <summary>The per-row report of a CSV import, with totals.</summary>
public sealed record ImportReport(IReadOnlyList<ImportRow> Rows)
{
    public int Created => Rows.Count(r => r.Status == ImportRowStatus.Created);
    public int Existing => Rows.Count(r => r.Status == ImportRowStatus.Existing);
    public int Duplicate => Rows.Count(r => r.Status == ImportRowStatus.Duplicate);
    public int Invalid => Rows.Count(r => r.Status == ImportRowStatus.Invalid);
    public int Conflict => Rows.Count(r => r.Status == ImportRowStatus.Conflict);
    public int Erased => Rows.Count(r => r.Status == ImportRowStatus.Erased);
}
