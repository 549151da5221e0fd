using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Retention.Core.Access;
using Retention.Core.Application;
using Retention.Core.Content;
using Retention.Core.Diagnostics;
using Retention.Core.Dispatch;
using Retention.Core.Email;
using Retention.Core.Enrollments;
using Retention.Core.Import;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Core.Maintenance;
using Retention.Core.Privacy;
using Retention.Core.Regions;
using Retention.Core.Scheduling;
using Retention.Core.Storage;
using Retention.Core.Unsubscribes;

namespace Retention.Core;

/// <summary>Registers the rules and the application services; both hosts call it, then add a store, a scheduler and an e-mail sender.</summary>
public static class RetentionCoreExtensions
{
    public static IServiceCollection AddRetentionCore(this IServiceCollection services)
    {
        Bind<PlanningOptions>(services, PlanningOptions.SectionName);
        Bind<EnrollmentValidationOptions>(services, EnrollmentValidationOptions.SectionName);
        Bind<RenderingOptions>(services, RenderingOptions.SectionName);
        Bind<ActionLinkOptions>(services, ActionLinkOptions.SectionName);
        Bind<DispatchOptions>(services, DispatchOptions.SectionName);
        Bind<PrivacyOptions>(services, PrivacyOptions.SectionName);

        // Both hosts register a meter factory already; a bare container (a tool, a test) gets the default one.
        services.AddMetrics();
        services.AddSingleton(p => new RetentionMetrics(
            p.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), p.GetRequiredService<TimeProvider>(), p.GetService<IDueNudgeQueue>()));
        services.AddSingleton<IEnrollmentValidator>(p => new EnrollmentValidator(Value<EnrollmentValidationOptions>(p)));
        services.AddSingleton<IJourneyPlanner>(p => new JourneyPlanner(Value<PlanningOptions>(p)));
        services.AddSingleton<IActionTokenSigner>(p => new ActionTokenSigner(Value<ActionLinkOptions>(p)));
        services.AddSingleton(p => new Pseudonyms(Value<PrivacyOptions>(p)));
        services.AddSingleton(p => new SendingWindow(Value<PlanningOptions>(p)));
        services.AddSingleton(p => new LocalContentCheck(p.GetRequiredService<IRegionalContentSource>(), Value<RenderingOptions>(p)));
        services.AddSingleton(_ => TemplateCatalog.Default);
        // Rendering binds what the regions published (the store), never invented content: the demo and the tests
        // publish the sample region through the same path.
        services.AddSingleton<RegionalContentSnapshot>();
        services.AddSingleton<IRegionalContentSource>(p => p.GetRequiredService<RegionalContentSnapshot>());
        services.AddSingleton<RegionService>();
        services.AddSingleton<EmployerSettingsService>();
        services.AddSingleton<INudgeRenderer>(p => new NudgeRenderer(
            p.GetRequiredService<TemplateCatalog>(),
            p.GetRequiredService<IRegionalContentSource>(),
            p.GetRequiredService<IActionTokenSigner>(),
            Value<RenderingOptions>(p)));
        services.AddSingleton(p => new NudgeDispatcher(
            p.GetRequiredService<INudgeStore>(),
            p.GetRequiredService<IEnrollmentStore>(),
            p.GetRequiredService<EnrollmentChanges>(),
            p.GetRequiredService<UnsubscribeService>(),
            p.GetRequiredService<SendingWindow>(),
            p.GetRequiredService<LocalContentCheck>(),
            p.GetRequiredService<INudgeRenderer>(),
            p.GetRequiredService<IEmailSender>(),
            p.GetRequiredService<TimeProvider>(),
            Value<DispatchOptions>(p),
            p.GetRequiredService<RetentionMetrics>(),
            p.GetRequiredService<ILogger<NudgeDispatcher>>()));

        services.AddSingleton<RetentionClock>();
        services.AddSingleton<JourneyChanges>();
        services.AddSingleton<UnsubscribeService>();
        services.AddSingleton(p => new EnrollmentChanges(
            p.GetRequiredService<IEnrollmentStore>(),
            p.GetRequiredService<JourneyChanges>(),
            p.GetRequiredService<RetentionClock>(),
            NodaTime.Duration.FromTimeSpan(Value<PlanningOptions>(p).ReplanLease)));
        services.AddSingleton<EnrollmentService>();
        services.AddSingleton<PersonalDataService>();
        services.AddSingleton<CheckInService>();
        services.AddSingleton<OutcomeService>();
        services.AddSingleton<LinkActionService>();
        services.AddSingleton<JourneyService>();
        services.AddSingleton<EnrollmentImporter>();
        services.AddSingleton<ApiKeyService>();
        // A store adapter registers its own set-based source; this one works over any store's ordinary ports.
        services.TryAddSingleton<IRetentionRecordSource, PerEnrollmentRecordSource>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<RegionalDashboardService>();
        return services;
    }

    /// <summary>
    /// Housekeeping for a host whose nudges fire by scheduled messages (the Functions app): repairs nudges whose
    /// message was lost. Needs an <see cref="IStrandedNudgeQuery"/> from the store and an <see cref="Scheduling.INudgeScheduler"/>.
    /// The self-hosted due-queue needs none of it: it claims every due or lease-expired nudge by itself.
    /// </summary>
    public static IServiceCollection AddRetentionHousekeeping(this IServiceCollection services)
    {
        Bind<StrandedNudgeRepairOptions>(services, StrandedNudgeRepairOptions.SectionName);
        services.AddSingleton<IHousekeeping, StrandedNudgeRepair>();
        return services;
    }

    private static void Bind<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    private static T Value<T>(IServiceProvider provider)
        where T : class =>
        provider.GetRequiredService<IOptions<T>>().Value;
}
