using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Application;
using Retention.Core.Storage;

namespace Retention.Core.Tests.Analytics;

public sealed class DashboardServiceTests
{
    private static readonly LocalDate AsOf = new(2027, 6, 30);

    [Fact]
    public async Task Report_is_reused_while_the_stamp_is_unchanged_and_recomputed_after_a_change()
    {
        var source = new CountingSource { Stamp = 7 };
        var service = Service(source);
        var query = new DashboardQuery { EmployerId = "acme", To = AsOf };

        var first = await service.ReportAsync(query, CancellationToken.None);
        var second = await service.ReportAsync(query, CancellationToken.None);
        Assert.Same(first, second);
        Assert.Equal(1, source.Reads);

        source.Records = SyntheticRecords.Generate(300, AsOf, seed: 2);
        source.Stamp = 8;
        var third = await service.ReportAsync(query, CancellationToken.None);
        Assert.Equal(2, source.Reads);
        Assert.Equal(300.0, third.Counts.Enrolled.Value);
        Assert.Equal(DashboardReport.Compute(source.Records, query).Counts, third.Counts);
    }

    [Fact]
    public async Task Another_query_or_employer_is_not_served_the_cached_report()
    {
        var source = new CountingSource { Stamp = 1 };
        var service = Service(source);

        await service.ReportAsync(new DashboardQuery { EmployerId = "acme", To = AsOf }, CancellationToken.None);
        await service.ReportAsync(new DashboardQuery { EmployerId = "acme", To = AsOf.PlusDays(1) }, CancellationToken.None);
        var globex = await service.ReportAsync(new DashboardQuery { EmployerId = "globex", To = AsOf }, CancellationToken.None);

        Assert.Equal(3, source.Reads);
        Assert.Equal("globex", globex.EmployerId);
    }

    [Fact]
    public async Task Without_a_change_stamp_every_request_recomputes()
    {
        var source = new CountingSource { Stamp = null };
        var service = Service(source);
        var query = new DashboardQuery { EmployerId = "acme", To = AsOf };

        await service.ReportAsync(query, CancellationToken.None);
        await service.ReportAsync(query, CancellationToken.None);

        Assert.Equal(2, source.Reads);
    }

    private static DashboardService Service(IRetentionRecordSource source) =>
        new(source, new RetentionClock(new FakeTimeProvider(new DateTimeOffset(2027, 6, 30, 8, 0, 0, TimeSpan.Zero))));

    private sealed class CountingSource : IRetentionRecordSource
    {
        public long? Stamp { get; set; }

        public IReadOnlyList<RetentionRecord> Records { get; set; } = SyntheticRecords.Generate(200, AsOf, seed: 1);

        public int Reads { get; private set; }

        public Task<long?> ChangeStampAsync(string employerId, CancellationToken cancellationToken) => Task.FromResult(Stamp);

        public Task<RetentionRecordSet> ReadAsync(string employerId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(new RetentionRecordSet(Records, Stamp));
        }
    }
}
