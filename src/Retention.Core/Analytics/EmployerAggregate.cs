namespace Retention.Core.Analytics;

/// <summary>
/// What a region needs of one sharing employer: its survival tallies per municipality. Built once from the
/// employer's records and reused while its change stamp holds, so a regional request does not read every
/// employer's records. The employer id is only there to count distinct employers; it never reaches a report.
/// </summary>
public sealed class EmployerAggregate
{
    private EmployerAggregate(string employerId, IReadOnlyList<MunicipalitySurvival> municipalities)
    {
        EmployerId = employerId;
        Municipalities = municipalities;
    }

    public string EmployerId { get; }

    public IReadOnlyList<MunicipalitySurvival> Municipalities { get; }

    public static EmployerAggregate Of(string employerId, IEnumerable<RetentionRecord> records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employerId);
        ArgumentNullException.ThrowIfNull(records);

        // Case-insensitive, like the region store's municipality claims: "Karmøy" and "karmøy" are one place.
        var byMunicipality = new Dictionary<string, MunicipalitySurvival>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            if (!byMunicipality.TryGetValue(record.Municipality, out var survival))
            {
                byMunicipality[record.Municipality] = survival = new MunicipalitySurvival(record.Municipality);
            }

            survival.Add(record);
        }

        return new EmployerAggregate(employerId, [.. byMunicipality.Values]);
    }
}
