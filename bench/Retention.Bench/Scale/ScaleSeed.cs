using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using Retention.Storage.Sqlite;

namespace Retention.Bench.Scale;

/// <summary>
/// <c>scale-seed [--newcomers N] [--nudges-each K] [--dir D]</c>: N active enrolments with K pending nudges each
/// (due over the coming year) straight into <c>D/retention.db</c>, the file the server in <c>scale</c> opens.
/// </summary>
public static class ScaleSeed
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = BenchArgs.Smoke(args);
        var newcomers = BenchArgs.Long(args, "--newcomers", smoke ? 2_000 : 1_000_000);
        var each = BenchArgs.Int(args, "--nudges-each", smoke ? 2 : 10);
        var directory = ScaleWorkload.Directory(args);
        var file = Path.Combine(directory, "retention.db");
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"scale-seed: {file} exists; remove {directory} first");
            return 2;
        }

        System.IO.Directory.CreateDirectory(directory);
        Console.WriteLine($"scale-seed: {newcomers:N0} enrolments × {each} pending nudges into {file}; {Machine.Describe()}");
        var watch = Stopwatch.StartNew();
        var database = new SqliteDatabase(Options.Create(new SqliteStoreOptions { FilePath = file }));
        var first = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(30);

        // Spread over a year so the due index looks like a real one, none due while the server runs.
        var spread = Duration.FromDays(365).BclCompatibleTicks / Math.Max(1, newcomers * each);
        await new BulkSeeder(database).SeedAsync(newcomers, each, (i, n) => first + Duration.FromTicks(spread * ((n * newcomers) + i)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scale-seed: done in {watch.Elapsed.TotalSeconds:F1} s; database {ScaleWorkload.DatabaseMegabytes(directory):N0} MB (with -wal)"));
        return 0;
    }
}
