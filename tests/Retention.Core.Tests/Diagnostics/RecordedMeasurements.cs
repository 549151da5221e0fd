using System.Diagnostics.Metrics;
using Retention.Testing;

namespace Retention.Core.Tests.Diagnostics;

/// <summary>Every measurement of the meters one <see cref="TestMeterFactory"/> made, by instrument name, with its tags.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> recorded = [];

    public RecordedMeasurements(TestMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (factory.Made(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string instrument)
    {
        lock (recorded)
        {
            return [.. recorded.Where(r => r.Instrument == instrument).Select(r => (r.Value, r.Tags))];
        }
    }

    /// <summary>Asks the observable instruments (the due gauge) for their values now.</summary>
    public void Collect() => listener.RecordObservableInstruments();

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (recorded)
        {
            recorded.Add((instrument.Name, value, copy));
        }
    }
}
