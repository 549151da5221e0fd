using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Storage.Sqlite;

namespace Retention.Storage.Tests;

/// <summary>The registration a host calls: options from configuration, validation at start, migration on start.</summary>
public sealed class SqliteStorageExtensionsTests : IDisposable
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task Host_start_migrates_the_configured_file_and_resolves_every_port()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:Storage:Sqlite:FilePath"] = _file.FilePath });
        builder.Services.AddRetentionSqliteStorage();
        using var host = builder.Build();

        await host.StartAsync();

        Assert.True(File.Exists(_file.FilePath));
        Assert.IsType<SqliteEnrollmentStore>(host.Services.GetRequiredService<IEnrollmentStore>());
        Assert.IsType<SqliteNudgeStore>(host.Services.GetRequiredService<INudgeStore>());
        Assert.IsType<SqliteEventStore>(host.Services.GetRequiredService<IEventStore>());
        Assert.IsType<SqliteApiKeyStore>(host.Services.GetRequiredService<IApiKeyStore>());
        Assert.IsType<SqliteDueNudgeQueue>(host.Services.GetRequiredService<IDueNudgeQueue>());
        Assert.IsType<SqliteNudgeScheduler>(host.Services.GetRequiredService<INudgeScheduler>());
        Assert.IsType<SqliteRegionStore>(host.Services.GetRequiredService<IRegionStore>());
        Assert.IsType<SqliteEmployerSettingsStore>(host.Services.GetRequiredService<IEmployerSettingsStore>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Host_start_fails_with_a_clear_message_when_no_file_is_configured()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddRetentionSqliteStorage();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Retention:Storage:Sqlite:FilePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_callback_sets_the_file_when_configuration_has_none()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddRetentionSqliteStorage(o => o.FilePath = _file.FilePath);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(_file.FilePath, provider.GetRequiredService<SqliteDatabase>().FilePath);
    }

    public void Dispose() => _file.Dispose();
}
