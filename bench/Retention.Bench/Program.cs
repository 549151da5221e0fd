using Retention.Bench.Dashboard;
using Retention.Bench.Dispatch;
using Retention.Bench.Enrol;
using Retention.Bench.Scale;

namespace Retention.Bench;

/// <summary><c>Retention.Bench &lt;workload&gt; [options]</c>; every workload takes <c>--smoke</c> for a run of a few seconds.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var rest = args.Length > 0 ? args[1..] : [];
        return args.Length == 0 ? Usage() : args[0] switch
        {
            "plan" => PlanWorkload.Run(BenchArgs.Smoke(rest) ? ["--count", "5000", "--rounds", "1"] : rest),
            "dashboard" => await DashboardWorkload.RunAsync(BenchArgs.Smoke(rest) ? ["--records", "5000", "--iterations", "1", "--incremental"] : rest),
            "enrol" => await EnrolWorkload.RunAsync(rest),
            "dispatch" => await DispatchWorkload.RunAsync(rest),
            "scale-seed" => await ScaleSeed.RunAsync(rest),
            "scale" => await ScaleWorkload.RunAsync(rest),
            "smoke" => await SmokeAllAsync(),
            _ => Usage(),
        };
    }

    /// <summary>Every workload at its smoke size, in turn: what CI runs.</summary>
    private static async Task<int> SmokeAllAsync()
    {
        string[] smoke = ["--smoke"];
        foreach (var workload in new[] { "plan", "dashboard", "enrol", "dispatch", "scale-seed", "scale" })
        {
            Console.WriteLine($"=== smoke: {workload}");
            var code = await Main([workload, .. smoke]);
            if (code != 0)
            {
                Console.Error.WriteLine($"smoke: {workload} exited with {code}");
                return code;
            }
        }

        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            usage: Retention.Bench <workload> [options]   (every workload also takes --smoke)
              plan       [--count N] [--rounds R] [--seed S]
              dashboard  [--records N] [--iterations K] [--incremental]
              enrol      [--count N] [--clients C] [--rate R/s] [--raw-only]
              dispatch   [--count N] [--window SECONDS] [--parallelism P] [--skip-hangfire] [--skip-quartz] [--smtp]
              scale-seed [--newcomers N] [--nudges M] [--dir D]
              scale      [--dir D] [--seconds S] [--warm W] [--dashboard-only]
              smoke      (all of the above at smoke size)
            """);
        return 2;
    }
}
