using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Storage;

namespace Retention.Storage.Tests;

/// <summary>
/// The storage contract every store passes (SQLite always, Cosmos DB against cosmosdb-server or a real
/// account). A derived class supplies fresh stores; each test uses its own employer ids, so stores may be shared.
/// </summary>
public abstract partial class StoreContract
{
    private static readonly JsonSerializerOptions ComparisonJson = CreateComparisonJson();

    protected static CancellationToken Ct => CancellationToken.None;

    protected string EmployerA { get; } = StoreTestData.NewId("acme");

    protected string EmployerB { get; } = StoreTestData.NewId("globex");

    protected abstract IEnrollmentStore Enrollments { get; }

    protected abstract INudgeStore Nudges { get; }

    protected abstract IEventStore Events { get; }

    protected abstract IApiKeyStore ApiKeys { get; }

    /// <summary>Null when the store can run listing queries here; otherwise why those tests are skipped.</summary>
    protected virtual string? QueriesUnavailableReason => null;

    protected async Task<Enrollment> CreateAsync(Enrollment enrollment, IReadOnlyList<Nudge>? nudges = null)
    {
        var (stored, created) = await Enrollments.CreateAsync(enrollment, nudges ?? [], Ct);
        Assert.True(created);
        return stored;
    }

    /// <summary>Same content apart from the store-owned version (records holding lists compare by reference).</summary>
    protected static void AssertSameEnrollment(Enrollment expected, Enrollment? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            JsonSerializer.Serialize(expected with { Version = "" }, ComparisonJson),
            JsonSerializer.Serialize(actual with { Version = "" }, ComparisonJson));
    }

    protected static void AssertSameNudge(Nudge expected, Nudge? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Version = "" }, actual with { Version = "" });
    }

    private static JsonSerializerOptions CreateComparisonJson()
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        return options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    }
}
