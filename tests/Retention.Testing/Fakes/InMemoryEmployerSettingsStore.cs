using System.Globalization;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Testing.Fakes;

/// <summary>An in-memory <see cref="IEmployerSettingsStore"/> with the stores' compare-and-set on a counter version; held to the store contract.</summary>
public sealed class InMemoryEmployerSettingsStore : IEmployerSettingsStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, EmployerSettings> settingsByEmployer = new(StringComparer.Ordinal);
    private long versions;

    public Task<EmployerSettings?> GetAsync(string employerId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(settingsByEmployer.GetValueOrDefault(employerId));
        }
    }

    public Task<EmployerSettings?> SaveAsync(EmployerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (gate)
        {
            var stored = settingsByEmployer.GetValueOrDefault(settings.EmployerId);
            if (settings.Version.Length == 0 ? stored is not null : stored?.Version != settings.Version)
            {
                return Task.FromResult<EmployerSettings?>(null);
            }

            var saved = settings with { Version = (++versions).ToString(CultureInfo.InvariantCulture) };
            settingsByEmployer[settings.EmployerId] = saved;
            return Task.FromResult<EmployerSettings?>(saved);
        }
    }

    public Task<IReadOnlyList<string>> SharingEmployersAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. settingsByEmployer.Values.Where(s => s.ShareWithRegion).Select(s => s.EmployerId).Order(StringComparer.Ordinal)]);
        }
    }
}
