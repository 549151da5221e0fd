using Microsoft.Extensions.Options;
using Retention.Core.Access;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Regions;

namespace Retention.Server.Demo;

/// <summary>On start in demo mode: publishes the sample region, creates the demo employer's key (printed) and enrols the demo newcomers.</summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    ApiKeyService keys,
    EnrollmentService enrollments,
    RegionService regions,
    RetentionClock clock,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var employer = options.Value.EmployerId;
        var key = await keys.CreateAsync(employer, cancellationToken);

        // The sample region (invented events) exists only in the demo, published as a curator would.
        await regions.PutAsync(SampleRegions.HaugalandetId, SampleRegions.HaugalandetDocument(clock.Now), cancellationToken);
        var created = 0;
        foreach (var draft in DemoNewcomers.For(clock.Today))
        {
            var result = await enrollments.EnrollAsync(employer, draft, cancellationToken);
            if (result.Outcome == EnrollmentOutcome.Created)
            {
                created++;
            }
            else if (result.Outcome == EnrollmentOutcome.Invalid)
            {
                logger.LogWarning("Demo newcomer {ExternalId} was not enrolled: {Errors}", draft.ExternalId, string.Join("; ", result.Errors.Select(e => e.Field + " " + e.Reason)));
            }
        }

        // The key is printed to the console on purpose (demo only), not logged.
        Console.WriteLine();
        Console.WriteLine($"Demo mode: employer \"{employer}\", {created} newcomers enrolled, one simulated day every {options.Value.SecondsPerDay} s.");
        Console.WriteLine($"  API key:  {key}");
        Console.WriteLine($"  Try:      curl -H \"X-Api-Key: {key}\" <base-url>/api/v1/employers/{employer}/enrollments");
        Console.WriteLine("  Outbox:   <base-url>/outbox     Dashboard: <base-url>/dashboard/" + employer);
        Console.WriteLine();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
