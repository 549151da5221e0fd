using System.Text.Json.Serialization;

namespace Retention.Core.Analytics;

/// <summary>
/// A number on the dashboard together with how many people it is derived from. Only
/// <see cref="DisclosureControl"/> can make one, so a figure from fewer people than the threshold can only exist
/// as <c>{ value: null, people: null, suppressed: true }</c>, whichever output (JSON, CSV, page) shows it.
/// </summary>
public sealed record Figure
{
    internal Figure(double? value, int? people, bool suppressed)
    {
        Value = value;
        People = people;
        Suppressed = suppressed;
    }

    /// <summary>The number; null when suppressed or when there is nothing to measure (nobody behind it).</summary>
    public double? Value { get; }

    /// <summary>How many newcomers the figure is derived from; null when suppressed.</summary>
    public int? People { get; }

    public bool Suppressed { get; }

    [JsonIgnore]
    public bool HasValue => Value is not null;
}
