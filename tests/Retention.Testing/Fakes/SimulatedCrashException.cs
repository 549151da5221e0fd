namespace Retention.Testing.Fakes;

/// <summary>Thrown by a fake at the point where a test makes the process "die"; nothing after it runs.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
