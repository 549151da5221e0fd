using NodaTime;
using Retention.Core.Regions;
using Retention.Core.Storage;

namespace Retention.Storage.Tests;

public abstract partial class StoreContract
{
    protected abstract IEmployerSettingsStore Settings { get; }

    [SkippableFact]
    public async Task Employer_settings_are_created_once_and_changed_compare_and_set()
    {
        var settings = new EmployerSettings { EmployerId = EmployerA, ShareWithRegion = true, SharingSince = StoreTestData.Now, ChangedAt = StoreTestData.Now };

        var created = await Settings.SaveAsync(settings, Ct);
        var twice = await Settings.SaveAsync(settings with { ShareWithRegion = false }, Ct);
        var changedAt = StoreTestData.Now + Duration.FromDays(1);
        var updated = await Settings.SaveAsync(created! with { ShareWithRegion = false, ChangedAt = changedAt }, Ct);
        var stale = await Settings.SaveAsync(created! with { ShareWithRegion = true }, Ct);

        Assert.NotNull(created);
        Assert.Null(twice);
        Assert.NotNull(updated);
        Assert.Null(stale);
        var read = await Settings.GetAsync(EmployerA, Ct);
        Assert.Equal(updated with { Version = "" }, read! with { Version = "" });
        Assert.Equal((false, StoreTestData.Now, changedAt, updated.Version), (read.ShareWithRegion, read.SharingSince, read.ChangedAt, read.Version));
        Assert.Null(await Settings.GetAsync(EmployerB, Ct));
        Assert.Null(await Settings.SaveAsync(new EmployerSettings { EmployerId = EmployerB, Version = "1" }, Ct));
    }

    [SkippableFact]
    public async Task The_sharing_employers_are_those_that_share_now()
    {
        Skip.If(QueriesUnavailableReason is not null, QueriesUnavailableReason);
        var sharing = await Settings.SaveAsync(new EmployerSettings { EmployerId = EmployerA, ShareWithRegion = true, SharingSince = StoreTestData.Now }, Ct);
        await Settings.SaveAsync(new EmployerSettings { EmployerId = EmployerB, ShareWithRegion = false }, Ct);
        var third = StoreTestData.NewId("initech");
        var stopped = await Settings.SaveAsync(new EmployerSettings { EmployerId = third, ShareWithRegion = true, SharingSince = StoreTestData.Now }, Ct);
        await Settings.SaveAsync(stopped! with { ShareWithRegion = false }, Ct);

        var employers = await Settings.SharingEmployersAsync(Ct);

        Assert.NotNull(sharing);
        Assert.Contains(EmployerA, employers);
        Assert.DoesNotContain(EmployerB, employers);
        Assert.DoesNotContain(third, employers);
    }
}
