using System.Diagnostics.Metrics;

namespace Retention.Testing;

/// <summary>A meter factory for classes built by hand, outside a container; a test listens with a <see cref="MeterListener"/>.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (meters)
        {
            meters.Add(meter);
        }

        return meter;
    }

    /// <summary>Whether this factory made the meter: tests running side by side each listen to their own.</summary>
    public bool Made(Meter meter)
    {
        lock (meters)
        {
            return meters.Contains(meter);
        }
    }

    public void Dispose()
    {
        lock (meters)
        {
            meters.ForEach(m => m.Dispose());
            meters.Clear();
        }
    }
}
