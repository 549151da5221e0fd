using NodaTime;
using Retention.Core.Content;
using Retention.Core.Storage;

namespace Retention.Core.Regions;

/// <summary>
/// The regions' content as rendering binds it: the stored documents with their feeds' events, held in memory and
/// rebuilt per region only when that region's stamp moved. Staleness is bounded by <see cref="MaxAge"/> (one cheap
/// read of every stamp) and ended at once in the process that wrote (<see cref="Invalidate"/>); rendering itself
/// never reads the store.
/// </summary>
public sealed class RegionalContentSnapshot(IRegionStore store, TimeProvider time) : IRegionalContentSource
{
    /// <summary>How long a checked snapshot is trusted before the stamps are read again.</summary>
    public static readonly Duration MaxAge = Duration.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile State _state = State.Empty;

    public LocalContent Find(string municipality, Interval window) => _state.Content.Find(municipality, window);

    /// <summary>The next <see cref="EnsureFreshAsync"/> reads the store (after this process wrote a region or feed).</summary>
    public void Invalidate() => _state = _state with { CheckedAt = Instant.MinValue };

    public async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (Now() - _state.CheckedAt < MaxAge)
        {
            return;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (Now() - _state.CheckedAt >= MaxAge)
            {
                _state = await RebuildAsync(_state, cancellationToken);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<State> RebuildAsync(State current, CancellationToken cancellationToken)
    {
        var checkedAt = Now();
        var stamps = await store.StampsAsync(cancellationToken);
        var regions = new Dictionary<string, (string Stamp, RegionalContent Content)>(StringComparer.Ordinal);
        foreach (var stamp in stamps)
        {
            if (current.Regions.TryGetValue(stamp.RegionId, out var kept) && kept.Stamp == stamp.Stamp)
            {
                regions[stamp.RegionId] = kept;
                continue;
            }

            if (await store.GetAsync(stamp.RegionId, cancellationToken) is not { } region)
            {
                continue;
            }

            var feeds = await store.GetFeedsAsync(stamp.RegionId, cancellationToken);
            var content = RegionalContentJson.Parse(region.Document);
            regions[stamp.RegionId] = (stamp.Stamp, content with { Events = [.. content.Events, .. feeds.SelectMany(f => f.Events)] });
        }

        return new State(regions, new InMemoryRegionalContentSource(regions.Values.Select(r => r.Content)), checkedAt);
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

    private sealed record State(
        IReadOnlyDictionary<string, (string Stamp, RegionalContent Content)> Regions, InMemoryRegionalContentSource Content, Instant CheckedAt)
    {
        public static readonly State Empty = new(new Dictionary<string, (string, RegionalContent)>(), new InMemoryRegionalContentSource(), Instant.MinValue);
    }
}
