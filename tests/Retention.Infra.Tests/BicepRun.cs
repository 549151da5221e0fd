namespace Retention.Infra.Tests;

/// <summary>One run of the Bicep CLI: exit code and both output streams (diagnostics go to stderr).</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines: "file(line,col) : Warning|Error code: message".</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
            .ToList();
}
