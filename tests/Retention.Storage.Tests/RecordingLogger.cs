using Microsoft.Extensions.Logging;
using Retention.Storage.Cosmos;

namespace Retention.Storage.Tests;

/// <summary>A hand-written logger that keeps what was logged.</summary>
internal sealed class RecordingLogger : ILogger<CosmosDatabase>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
