using System.Collections.Concurrent;

namespace Retention.Core.Application;

/// <summary>
/// Values kept with the store's change stamp they were computed at (see <see cref="Storage.IRetentionRecordSource"/>):
/// a lookup reads only the current stamp and answers from memory while it is unchanged. One computation at a time,
/// so concurrent requests find what the first one computed and only one set of records is in memory at once.
/// A value computed without a stamp is not kept. The cache is cleared when it would exceed its capacity.
/// </summary>
internal sealed class ChangeStampCache<TKey, TValue>(int capacity)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Stamped> _entries = new();
    private readonly SemaphoreSlim _computing = new(1, 1);

    public IEnumerable<TKey> Keys => _entries.Keys;

    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    /// <summary>The value for <paramref name="key"/> if still fresh by <paramref name="stampOf"/>, else <paramref name="compute"/>d (and kept when it has a stamp).</summary>
    public async Task<TValue> GetAsync(
        TKey key,
        Func<CancellationToken, Task<long?>> stampOf,
        Func<CancellationToken, Task<(TValue Value, long? ChangeStamp)>> compute,
        CancellationToken cancellationToken)
    {
        if (await FreshAsync(key, stampOf, cancellationToken) is { } cached)
        {
            return cached;
        }

        await _computing.WaitAsync(cancellationToken);
        try
        {
            if (await FreshAsync(key, stampOf, cancellationToken) is { } computedMeanwhile)
            {
                return computedMeanwhile;
            }

            var (value, changeStamp) = await compute(cancellationToken);
            if (changeStamp is { } stamp)
            {
                if (_entries.Count >= capacity)
                {
                    _entries.Clear();
                }

                _entries[key] = new Stamped(stamp, value);
            }

            return value;
        }
        finally
        {
            _computing.Release();
        }
    }

    private async Task<TValue?> FreshAsync(TKey key, Func<CancellationToken, Task<long?>> stampOf, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(key, out var cached))
        {
            return null;
        }

        var stamp = await stampOf(cancellationToken);
        return stamp == cached.ChangeStamp ? cached.Value : null;
    }

    private sealed record Stamped(long ChangeStamp, TValue Value);
}
