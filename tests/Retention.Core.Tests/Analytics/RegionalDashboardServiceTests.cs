using Microsoft.Extensions.Time.Testing;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Core.Tests.Analytics;

public sealed class RegionalDashboardServiceTests
{
    private static readonly string[] Region = ["Haugesund", "Karmøy"];

    [Fact]
    public async Task Non_sharing_employers_are_never_read_nor_counted()
    {
        var source = new CountingSource();
        source.Set("employer-secret-acme", Newcomers(4, "Karmøy"));
        source.Set("employer-secret-globex", Newcomers(4, "Karmøy"));
        source.Set("employer-secret-initech", Newcomers(4, "Karmøy"));
        source.Set("employer-secret-private", Newcomers(40, "Karmøy"));
        var settings = new SharingSettings("employer-secret-acme", "employer-secret-globex", "employer-secret-initech");

        var report = await Service(settings, source).ReportAsync("Haugalandet", Region, CancellationToken.None);

        Assert.Equal(12, report.Overall.Newcomers);
        Assert.Equal(12, report.Municipalities.Single(m => m.Municipality == "Karmøy").Newcomers);
        Assert.Equal(0, source.Reads("employer-secret-private"));
    }

    [Fact]
    public async Task An_unchanged_employer_is_read_once_and_a_changed_one_again()
    {
        var source = new CountingSource();
        source.Set("a", Newcomers(4, "Karmøy"));
        source.Set("b", Newcomers(4, "Karmøy"));
        source.Set("c", Newcomers(4, "Haugesund"));
        var service = Service(new SharingSettings("a", "b", "c"), source);

        await service.ReportAsync("Haugalandet", Region, CancellationToken.None);
        await service.ReportAsync("Haugalandet", Region, CancellationToken.None);
        Assert.All(["a", "b", "c"], id => Assert.Equal(1, source.Reads(id)));

        source.Set("c", Newcomers(4, "Karmøy"));
        var after = await service.ReportAsync("Haugalandet", Region, CancellationToken.None);

        Assert.Equal(1, source.Reads("a"));
        Assert.Equal(1, source.Reads("b"));
        Assert.Equal(2, source.Reads("c"));
        Assert.Equal(12, after.Municipalities.Single(m => m.Municipality == "Karmøy").Newcomers);
    }

    [Fact]
    public async Task An_employer_that_stops_sharing_is_no_longer_counted()
    {
        var source = new CountingSource();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            source.Set(id, Newcomers(3, "Karmøy"));
        }

        var settings = new SharingSettings("a", "b", "c", "d");
        var service = Service(settings, source);
        Assert.Equal(12, (await service.ReportAsync("Haugalandet", Region, CancellationToken.None)).Overall.Newcomers);

        settings.Sharing = ["a", "b", "c"];
        Assert.Equal(9, (await service.ReportAsync("Haugalandet", Region, CancellationToken.None)).Overall.Newcomers);
    }

    [Fact]
    public async Task Without_a_change_stamp_every_request_reads_again()
    {
        var source = new CountingSource { Stamped = false };
        source.Set("a", Newcomers(6, "Karmøy"));
        var service = Service(new SharingSettings("a"), source);

        await service.ReportAsync("Haugalandet", Region, CancellationToken.None);
        await service.ReportAsync("Haugalandet", Region, CancellationToken.None);

        Assert.Equal(2, source.Reads("a"));
    }

    private static List<RetentionRecord> Newcomers(int count, string municipality) =>
        [.. Records.Many(count, k => Records.Employed(Records.AsOf.PlusDays(-400 - k), municipality))];

    private static RegionalDashboardService Service(IEmployerSettingsStore settings, IRetentionRecordSource source) =>
        new(settings, source, new RetentionClock(new FakeTimeProvider(new DateTimeOffset(2027, 12, 31, 8, 0, 0, TimeSpan.Zero))));

    /// <summary>Only the sharing list matters here; the shared in-memory fake is another engineer's work.</summary>
    private sealed class SharingSettings(params string[] sharing) : IEmployerSettingsStore
    {
        public IReadOnlyList<string> Sharing { get; set; } = sharing;

        public Task<EmployerSettings?> GetAsync(string employerId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EmployerSettings?> SaveAsync(EmployerSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> SharingEmployersAsync(CancellationToken cancellationToken) => Task.FromResult(Sharing);
    }

    private sealed class CountingSource : IRetentionRecordSource
    {
        private readonly Dictionary<string, (List<RetentionRecord> Records, long Stamp)> _employers = [];
        private readonly Dictionary<string, int> _reads = [];

        public bool Stamped { get; init; } = true;

        public void Set(string employerId, List<RetentionRecord> records) =>
            _employers[employerId] = (records, _employers.TryGetValue(employerId, out var old) ? old.Stamp + 1 : 1);

        public int Reads(string employerId) => _reads.GetValueOrDefault(employerId);

        public Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken) => Task.FromResult(Stamp(employerId));

        public Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken)
        {
            _reads[employerId] = Reads(employerId) + 1;
            var records = _employers.TryGetValue(employerId, out var e) ? e.Records : [];
            return Task.FromResult(new RetentionRecordSet(records, Stamp(employerId)));
        }

        private long? Stamp(string employerId) => Stamped ? _employers.GetValueOrDefault(employerId).Stamp : null;
    }
}
