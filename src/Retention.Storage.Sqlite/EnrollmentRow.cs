using System.Text.Json;
using Retention.Core.Enrollments;

namespace Retention.Storage.Sqlite;

/// <summary>An enrolments row as Dapper reads it.</summary>
internal class EnrollmentRow
{
    public string Payload { get; set; } = "";
    public long Version { get; set; }

    public Enrollment ToEnrollment() =>
        (JsonSerializer.Deserialize<Enrollment>(Payload, SqliteJson.Options) ?? throw new InvalidDataException("An enrolment row holds no payload."))
        with { Version = SqliteValues.Version(Version) };
}
