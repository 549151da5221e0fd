namespace Retention.Server.Tests.EndToEnd;

/// <summary>
/// The end-to-end and crash tests run real servers (maildev, a server process) and lean on the two cores of a CI
/// machine; they run on their own, after the parallel tests, so neither they nor the others time out under load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "EndToEnd";
}
