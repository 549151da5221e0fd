using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;
using Retention.Core.Links;
using Retention.Testing;
using Retention.Testing.Fakes;

namespace Retention.Storage.Tests;

/// <summary>
/// The journey invariant over this store, driven by Core's real services: whatever interleaving of re-plans
/// (date changes, pause and resume), link actions and dispatch, a journey never holds two live nudges for one
/// milestone, no milestone goes out twice, no message is sent twice, and the journey ends as its enrolment says.
/// </summary>
public abstract partial class StoreContract
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Concurrent_changes_links_and_dispatch_never_leave_two_live_nudges_for_one_milestone(int seed)
    {
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 11, 8, 0, 0, TimeSpan.Zero));
        var sender = new RecordingEmailSender();
        var core = new CoreServices(Enrollments, Nudges, Events, Unsubscribes, clock, sender: sender);
        var enrolled = await core.Enrollment.EnrollAsync(EmployerA, Draft(new LocalDate(2027, 3, 3)), Ct);
        var id = enrolled.Enrollment!.Id;

        var work = new List<Func<Task>>();
        for (var i = 0; i < 8; i++)
        {
            var start = new LocalDate(2027, 3, 1).PlusDays(random.Next(0, 40));
            work.Add(() => core.Enrollment.UpdateAsync(EmployerA, id, new EnrollmentPatch { ArrivalDate = Iso(start.PlusDays(-2)), StartDate = Iso(start) }, Ct));
        }

        work.Add(async () =>
        {
            await core.Enrollment.PauseAsync(EmployerA, id, Ct);
            await core.Enrollment.ResumeAsync(EmployerA, id, Ct);
        });
        for (var i = 0; i < 6; i++)
        {
            var pick = random.Next();
            work.Add(async () =>
            {
                var live = (await Nudges.GetJourneyAsync(EmployerA, id, Ct)).Where(n => n.Status == NudgeStatus.Scheduled).ToList();
                if (live.Count > 0)
                {
                    await core.Dispatcher.DispatchAsync(EmployerA, live[pick % live.Count].Id, Ct);
                }
            });
            work.Add(async () =>
            {
                var sent = (await Nudges.GetJourneyAsync(EmployerA, id, Ct)).Where(n => n.Status == NudgeStatus.Sent).ToList();
                if (sent.Count > 0)
                {
                    var nudge = sent[pick % sent.Count];
                    var action = pick % 2 == 0 ? LinkAction.Snooze : LinkAction.Done;
                    await core.Links.ActAsync(core.Signer.Sign(new ActionToken(EmployerA, nudge.Id, action, 0, core.Clock.Now + Duration.FromDays(30))), null, Ct);
                }
            });
        }

        // Shuffled, then all at once.
        await Task.WhenAll(work.OrderBy(_ => random.Next()).Select(w => Task.Run(w)));
        await core.Enrollment.ResumeAsync(EmployerA, id, Ct);

        var enrollment = (await Enrollments.GetAsync(EmployerA, id, Ct))!;
        var journey = await Nudges.GetJourneyAsync(EmployerA, id, Ct);
        Assert.Null(enrollment.JourneyLease);
        Assert.All(journey.Where(n => NudgeStatuses.IsLive(n.Status)).GroupBy(n => n.Slot), slot => Assert.Single(slot));
        Assert.All(journey.Where(n => NudgeStatuses.WentOut(n.Status) && n.Status != NudgeStatus.Snoozed).GroupBy(n => n.Slot), slot => Assert.Single(slot));
        Assert.Equal(sender.Calls.Count, sender.Calls.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.True(core.Planner.Replan(enrollment, journey, core.Clock.Now, new HashSet<Audience>()).IsEmpty, "the journey is not what its enrolment says");
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static EnrollmentDraft Draft(LocalDate start) => new()
    {
        ExternalId = StoreTestData.NewId("HR"),
        Newcomer = new PersonDraft { Name = "Audrey", Email = "audrey@example.com", Language = "en", TimeZone = "America/Chicago" },
        Ildsjel = new PersonDraft { Name = "Karianne", Email = "karianne@example.no", Language = "nb" },
        HrContact = new PersonDraft { Name = "Ingrid", Email = "hr@example.no" },
        ArrivalDate = Iso(start.PlusDays(-2)),
        StartDate = Iso(start),
        Municipality = "Haugesund",
        Family = new FamilyDraft { Partner = true, ChildrenAges = [4, 9] },
        Consent = new ConsentDraft { NewcomerNudges = true },
    };
}
