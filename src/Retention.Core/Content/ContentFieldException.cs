namespace Retention.Core.Content;

/// <summary>One bad value in a regional content document, with its path (<c>events[3].start</c>), so a curator sees what to fix.</summary>
internal sealed class ContentFieldException(string field, string reason) : FormatException($"{field}: {reason}")
{
    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
