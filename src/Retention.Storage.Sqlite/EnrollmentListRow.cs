namespace Retention.Storage.Sqlite;

/// <summary>An enrolments row with the keys a listing pages by.</summary>
internal sealed class EnrollmentListRow : EnrollmentRow
{
    public long CreatedAt { get; set; }
    public string Id { get; set; } = "";
}
