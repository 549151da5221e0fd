using Retention.Core.Regions;

namespace Retention.Core.Storage;

/// <summary>Employers' settings; an employer without stored settings has the defaults (shares nothing).</summary>
public interface IEmployerSettingsStore
{
    Task<EmployerSettings?> GetAsync(string employerId, CancellationToken cancellationToken);

    /// <summary>Creates (version empty; null when they exist) or replaces compare-and-set (null on a conflict).</summary>
    Task<EmployerSettings?> SaveAsync(EmployerSettings settings, CancellationToken cancellationToken);

    /// <summary>The employers that share with their regions now.</summary>
    Task<IReadOnlyList<string>> SharingEmployersAsync(CancellationToken cancellationToken);
}
