using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Storage.Sqlite;

namespace Retention.Bench.Enrol;

/// <summary>
/// The same enrolments written straight into SQLite on one thread, one transaction per enrolment (the server's
/// durability): through <see cref="SqliteEnrollmentStore.CreateAsync"/>, and as raw prepared INSERTs into the same schema.
/// </summary>
public static class SqliteCeiling
{
    public static async Task<double> StoreAsync(string file, EnrolmentRows rows, IReadOnlyList<Nudge>[] journeys)
    {
        var database = Open(file);
        await database.MigrateAsync(CancellationToken.None);
        var store = new SqliteEnrollmentStore(database);
        var watch = Stopwatch.StartNew();
        using (HttpLoad.Progress(() => done, rows.Enrollments.Length, watch))
        {
            for (var i = 0; i < rows.Enrollments.Length; i++)
            {
                await store.CreateAsync(rows.Enrollments[i], journeys[i], CancellationToken.None);
                Interlocked.Increment(ref done);
            }
        }

        done = 0;
        return watch.Elapsed.TotalSeconds;
    }

    public static async Task<double> RawAsync(string file, EnrolmentRows rows, IReadOnlyList<Nudge>[] journeys)
    {
        var database = Open(file);
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        using var enrollment = connection.CreateCommand();
        enrollment.CommandText = "INSERT INTO enrollments (employer_id, id, external_id, status, created_at, payload, version) VALUES ($e, $id, $x, 'Active', $c, $p, 1)";
        var e = enrollment.Parameters.Add("$e", SqliteType.Text);
        var id = enrollment.Parameters.Add("$id", SqliteType.Text);
        var x = enrollment.Parameters.Add("$x", SqliteType.Text);
        var c = enrollment.Parameters.Add("$c", SqliteType.Integer);
        var p = enrollment.Parameters.Add("$p", SqliteType.Text);
        using var nudge = connection.CreateCommand();
        nudge.CommandText = """
            INSERT INTO nudges (employer_id, id, enrollment_id, kind, audience, due_at, reason, message_key, status, attempts, plan_revision, version)
            VALUES ($e, $id, $en, $k, $a, $d, $r, $m, 'Scheduled', 0, 0, 1)
            """;
        var ne = nudge.Parameters.Add("$e", SqliteType.Text);
        var nid = nudge.Parameters.Add("$id", SqliteType.Text);
        var nen = nudge.Parameters.Add("$en", SqliteType.Text);
        var nk = nudge.Parameters.Add("$k", SqliteType.Text);
        var na = nudge.Parameters.Add("$a", SqliteType.Text);
        var nd = nudge.Parameters.Add("$d", SqliteType.Integer);
        var nr = nudge.Parameters.Add("$r", SqliteType.Text);
        var nm = nudge.Parameters.Add("$m", SqliteType.Text);
        var watch = Stopwatch.StartNew();
        using (HttpLoad.Progress(() => done, rows.Enrollments.Length, watch))
        {
            for (var i = 0; i < rows.Enrollments.Length; i++)
            {
                var row = rows.Enrollments[i];
                using var transaction = connection.BeginTransaction(deferred: false);
                enrollment.Transaction = transaction;
                nudge.Transaction = transaction;
                e.Value = row.EmployerId;
                id.Value = row.Id;
                x.Value = row.ExternalId;
                c.Value = row.CreatedAt.ToUnixTimeTicks();
                p.Value = System.Text.Encoding.UTF8.GetString(rows.Bodies[i]);
                enrollment.ExecuteNonQuery();
                foreach (var n in journeys[i])
                {
                    ne.Value = n.EmployerId;
                    nid.Value = n.Id;
                    nen.Value = n.EnrollmentId;
                    nk.Value = n.Kind;
                    na.Value = n.Audience.ToString();
                    nd.Value = n.DueAt.ToUnixTimeTicks();
                    nr.Value = n.Reason;
                    nm.Value = n.MessageKey;
                    nudge.ExecuteNonQuery();
                }

                transaction.Commit();
                Interlocked.Increment(ref done);
            }
        }

        done = 0;
        return watch.Elapsed.TotalSeconds;
    }

    public static IReadOnlyList<Nudge>[] Plan(EnrolmentRows rows)
    {
        var planner = new JourneyPlanner(new PlanningOptions());
        var now = Instant.FromUtc(2026, 11, 1, 0, 0);
        return rows.Enrollments.Select(e => planner.Plan(e, now)).ToArray();
    }

    internal static SqliteDatabase Open(string file) =>
        new(Options.Create(new SqliteStoreOptions { FilePath = file }));

    private static int done;
}
