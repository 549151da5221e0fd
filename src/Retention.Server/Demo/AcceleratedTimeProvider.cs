namespace Retention.Server.Demo;

/// <summary>
/// A clock that runs faster than real time (demo mode: e.g. one simulated day per real second). Timers and
/// delays created through it are shortened by the same factor, so the dispatcher's waits keep pace.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public AcceleratedTimeProvider(DateTimeOffset start, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1.0);
        _start = start;
        Factor = factor;
        _startTimestamp = System.GetTimestamp();
    }

    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => _start + (System.GetElapsedTime(_startTimestamp) * Factor);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks(Math.Max(span == TimeSpan.Zero ? 0 : 1, (long)(span.Ticks / Factor)));
}
