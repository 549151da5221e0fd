extern alias functions;

using functions::Retention.Functions.Maintenance;
using functions::Retention.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Retention.Core;
using Retention.Core.Scheduling;
using Retention.Core.Storage;

namespace Retention.Functions.Tests;

/// <summary>
/// The hourly timer over a real SQLite store, composed as the Functions app composes it (housekeeping, the Service
/// Bus scheduler): nudges whose scheduled message never came are scheduled again and keep the new sequence number.
/// </summary>
public sealed class HousekeepingFunctionTests(HostsUnderTest hosts) : IClassFixture<HostsUnderTest>
{
    [Fact]
    public async Task A_run_schedules_again_every_nudge_long_past_its_time_and_stores_the_handle()
    {
        var sender = new RecordingServiceBusSender();
        await using var functions = new FunctionsHost(hosts.Server.Services.GetRequiredService<IConfiguration>(), hosts.Server.Clock, services =>
        {
            services.AddRetentionHousekeeping();
            services.RemoveAll<INudgeScheduler>();
            services.AddSingleton(new ServiceBusNudgeScheduler(sender));
            services.AddSingleton<INudgeScheduler>(sp => sp.GetRequiredService<ServiceBusNudgeScheduler>());
        });
        // The server's store holds the enrolment's nudges, none sent (its dispatcher is off): half a year on, all are stranded.
        hosts.Server.Clock.Advance(TimeSpan.FromDays(180));

        await functions.Trigger<HousekeepingFunction>().Run(new TimerInfo(), CancellationToken.None);

        var messages = sender.Scheduled.SelectMany(s => s.Messages).ToList();
        Assert.NotEmpty(messages);
        var nudges = await functions.Services.GetRequiredService<INudgeStore>()
            .GetJourneyAsync(HostsUnderTest.Acme, hosts.EnrollmentId, CancellationToken.None);
        var handles = sender.Scheduled.SelectMany(s => s.SequenceNumbers).ToHashSet();
        Assert.All(messages, m => Assert.Contains(nudges, n => m.MessageId.StartsWith(n.Id + "@", StringComparison.Ordinal) && n.SchedulerHandle is { } h && handles.Contains(h)));
    }
}
