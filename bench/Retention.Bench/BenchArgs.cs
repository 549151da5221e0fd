using System.Globalization;

namespace Retention.Bench;

/// <summary>Command-line options of the form <c>--name value</c> and <c>--flag</c>.</summary>
public static class BenchArgs
{
    public static bool Smoke(string[] args) => Flag(args, "--smoke");

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;

    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } value ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public static long Long(string[] args, string name, long fallback) =>
        Value(args, name) is { } value ? long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public static double Double(string[] args, string name, double fallback) =>
        Value(args, name) is { } value ? double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
