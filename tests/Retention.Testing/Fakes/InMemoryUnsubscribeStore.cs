using System.Globalization;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IUnsubscribeStore"/> with the stores' compare-and-set on a counter version; held to the store contract.</summary>
public sealed class InMemoryUnsubscribeStore : IUnsubscribeStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string, string), Unsubscribe> records = [];
    private long versions;

    public Task<Unsubscribe?> GetAsync(string employerId, string addressKey, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(records.GetValueOrDefault((employerId, addressKey)));
        }
    }

    public Task<(Unsubscribe Unsubscribe, bool Created)> AddAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        lock (gate)
        {
            if (records.TryGetValue((unsubscribe.EmployerId, unsubscribe.AddressKey), out var stored))
            {
                return Task.FromResult((stored, false));
            }

            var added = Stamp(unsubscribe);
            records[(unsubscribe.EmployerId, unsubscribe.AddressKey)] = added;
            return Task.FromResult((added, true));
        }
    }

    public Task<Unsubscribe?> TryUpdateAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        lock (gate)
        {
            if (!records.TryGetValue((unsubscribe.EmployerId, unsubscribe.AddressKey), out var stored) || stored.Version != unsubscribe.Version)
            {
                return Task.FromResult<Unsubscribe?>(null);
            }

            var updated = Stamp(unsubscribe with { HeldEnrollmentIds = [.. unsubscribe.HeldEnrollmentIds] });
            records[(unsubscribe.EmployerId, unsubscribe.AddressKey)] = updated;
            return Task.FromResult<Unsubscribe?>(updated);
        }
    }

    public Task<bool> TryRemoveAsync(Unsubscribe unsubscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unsubscribe);
        lock (gate)
        {
            var key = (unsubscribe.EmployerId, unsubscribe.AddressKey);
            return Task.FromResult(records.TryGetValue(key, out var stored) && stored.Version == unsubscribe.Version && records.Remove(key));
        }
    }

    private Unsubscribe Stamp(Unsubscribe unsubscribe) => unsubscribe with { Version = (++versions).ToString(CultureInfo.InvariantCulture) };
}
