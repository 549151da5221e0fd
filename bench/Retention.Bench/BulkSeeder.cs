using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Bench;

/// <summary>
/// Fills a migrated SQLite file fast: one template enrolment goes through <see cref="SqliteEnrollmentStore.CreateAsync"/>
/// (so its stored payload is exactly what the store writes), then copies of it under new ids are inserted with
/// prepared statements, one transaction per batch, each with <c>nudgesEach</c> scheduled nudges of the template's message.
/// </summary>
public sealed class BulkSeeder(SqliteDatabase database)
{
    public const string TemplateId = "enr-template";

    public Enrollment Template { get; private set; } = null!;

    public Nudge TemplateNudge { get; private set; } = null!;

    public static string EnrollmentId(long i) => "enr-" + i.ToString("D8", CultureInfo.InvariantCulture);

    public static string NudgeId(long enrollment, int n) => "nudge-" + enrollment.ToString("D8", CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seeds <paramref name="count"/> enrolments; nudge n of enrolment i is due at <paramref name="dueAt"/>(i, n).</summary>
    public async Task SeedAsync(long count, int nudgesEach, Func<long, int, Instant> dueAt, int batch = 20_000)
    {
        await database.MigrateAsync(CancellationToken.None);
        Template = Templates.Enrollment(TemplateId);
        TemplateNudge = new JourneyPlanner(new PlanningOptions()).Plan(Template, Template.CreatedAt)
            .First(n => n.Audience == Audience.Newcomer && n.FollowsUpNudgeId is null);
        await new SqliteEnrollmentStore(database).CreateAsync(Template, [], CancellationToken.None);

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        using var enrollment = connection.CreateCommand();
        enrollment.CommandText = """
            INSERT INTO enrollments (employer_id, id, external_id, status, created_at, payload, version)
            SELECT employer_id, $id, NULL, status, created_at, replace(payload, $template, $id), version FROM enrollments
            WHERE employer_id = $e AND id = $template
            """;
        enrollment.Parameters.AddWithValue("$e", Template.EmployerId);
        enrollment.Parameters.AddWithValue("$template", TemplateId);
        var id = enrollment.Parameters.Add("$id", SqliteType.Text);
        using var nudge = connection.CreateCommand();
        nudge.CommandText = """
            INSERT INTO nudges (employer_id, id, enrollment_id, kind, audience, due_at, reason, message_key, status, attempts, plan_revision, version)
            VALUES ($e, $id, $en, $k, $a, $d, $r, $m, 'Scheduled', 0, $rev, 1)
            """;
        nudge.Parameters.AddWithValue("$e", Template.EmployerId);
        nudge.Parameters.AddWithValue("$k", TemplateNudge.Kind);
        nudge.Parameters.AddWithValue("$a", TemplateNudge.Audience.ToString());
        nudge.Parameters.AddWithValue("$r", TemplateNudge.Reason);
        nudge.Parameters.AddWithValue("$m", TemplateNudge.MessageKey);
        nudge.Parameters.AddWithValue("$rev", TemplateNudge.PlanRevision);
        var nid = nudge.Parameters.Add("$id", SqliteType.Text);
        var nen = nudge.Parameters.Add("$en", SqliteType.Text);
        var nd = nudge.Parameters.Add("$d", SqliteType.Integer);

        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        for (long start = 0; start < count; start += batch)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            enrollment.Transaction = transaction;
            nudge.Transaction = transaction;
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                id.Value = EnrollmentId(i);
                enrollment.ExecuteNonQuery();
                nen.Value = id.Value;
                for (var n = 0; n < nudgesEach; n++)
                {
                    nid.Value = NudgeId(i, n);
                    nd.Value = dueAt(i, n).ToUnixTimeTicks();
                    nudge.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            if (watch.Elapsed - last >= TimeSpan.FromSeconds(2) || start + batch >= count)
            {
                last = watch.Elapsed;
                var done = Math.Min(count, start + batch);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  seeded {done,11:N0} enrolments, {done * nudgesEach,12:N0} nudges  {watch.Elapsed.TotalSeconds,6:F1} s  {done / watch.Elapsed.TotalSeconds,9:N0} enrolments/s"));
            }
        }
    }
}
