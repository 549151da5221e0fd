namespace Retention.Core.Journeys;

/// <summary>A journey definition that cannot be used; <see cref="Problems"/> names each problem by JSON path.</summary>
public sealed class JourneyDefinitionException : Exception
{
    public JourneyDefinitionException(IReadOnlyList<string> problems)
        : base("Invalid journey definition: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public JourneyDefinitionException()
        : this([])
    {
    }

    public JourneyDefinitionException(string message)
        : this([message])
    {
    }

    public JourneyDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
