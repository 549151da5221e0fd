using System.Diagnostics;

namespace Retention.Bench;

/// <summary>What the machine and this process look like right now; printed next to every result.</summary>
public static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    /// <summary>Resident set size of this process in MB (VmRSS), the figure the memory targets are about.</summary>
    public static double ResidentMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}";

    /// <summary>A fresh scratch directory under /tmp, never in the repository.</summary>
    public static string ScratchDirectory(string workload)
    {
        var path = Path.Combine(Path.GetTempPath(), $"retention-bench-{workload}-{Environment.ProcessId}");
        Directory.CreateDirectory(path);
        return path;
    }
}
