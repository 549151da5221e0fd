using NodaTime;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Dispatch;

/// <summary>Nudges for one person on one day go out as one message and are all marked sent.</summary>
public sealed class NudgeDispatcherMergeTests
{
    [Fact]
    public async Task Sends_one_message_for_the_merged_group_and_marks_every_member_sent()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));
        scenario.Seed(DispatchScenario.Nudge("b", kind: "welcome-lunch") with { DueAt = DispatchScenario.Nudge("b").DueAt + Duration.FromHours(1) });
        scenario.Seed(DispatchScenario.Nudge("c", kind: "local-events"));
        scenario.Seed(DispatchScenario.Nudge("other-person", Audience.Newcomer, messageKey: DispatchScenario.Nudge("a").MessageKey));
        scenario.Seed(DispatchScenario.Nudge("other-day", messageKey: "enr-1:Ildsjel:2027-03-05"));

        var outcome = await scenario.DispatchAsync("c");

        Assert.Equal(DispatchResult.Sent, outcome.Result);
        var call = Assert.Single(scenario.Sender.Calls);
        Assert.Equal("first-day, local-events, welcome-lunch", call.Message.Subject);
        Assert.All(new[] { "a", "b", "c" }, id => Assert.Equal(NudgeStatus.Sent, scenario.Stored(id).Status));
        Assert.Equal(NudgeStatus.Scheduled, scenario.Stored("other-person").Status);
        Assert.Equal(NudgeStatus.Scheduled, scenario.Stored("other-day").Status);
    }

    [Fact]
    public async Task Treats_a_sibling_dispatched_after_the_group_went_out_as_a_duplicate()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("a"));
        scenario.Seed(DispatchScenario.Nudge("b"));

        await scenario.DispatchAsync("a");
        var second = await scenario.DispatchAsync("b");

        Assert.Equal(DispatchResult.Duplicate, second.Result);
        Assert.Single(scenario.Sender.Calls);
    }

    [Fact]
    public async Task Leaves_out_a_sibling_follow_up_whose_original_was_acted_on()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("original", messageKey: "earlier") with { Status = NudgeStatus.Acted });
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));
        scenario.Seed(DispatchScenario.Nudge("reminder", kind: "ildsjel-reminder") with { FollowsUpNudgeId = "original" });

        await scenario.DispatchAsync("a");
        var reminder = await scenario.DispatchAsync("reminder");

        Assert.Equal("first-day", Assert.Single(scenario.Sender.Calls).Message.Subject);
        Assert.Equal(DispatchResult.Skipped, reminder.Result);
        Assert.Equal(NudgeStatus.Skipped, scenario.Stored("reminder").Status);
    }

    [Fact]
    public async Task Leaves_out_siblings_that_are_not_scheduled()
    {
        var scenario = new DispatchScenario();
        scenario.Seed(DispatchScenario.Nudge("a", kind: "first-day"));
        scenario.Seed(DispatchScenario.Nudge("cancelled", kind: "welcome-lunch") with { Status = NudgeStatus.Cancelled });
        scenario.Seed(DispatchScenario.Nudge("failed", kind: "local-events") with { Status = NudgeStatus.Failed });

        await scenario.DispatchAsync("a");

        Assert.Equal("first-day", Assert.Single(scenario.Sender.Calls).Message.Subject);
        Assert.Equal(NudgeStatus.Cancelled, scenario.Stored("cancelled").Status);
        Assert.Equal(NudgeStatus.Failed, scenario.Stored("failed").Status);
    }

    [Fact]
    public async Task Uses_one_idempotency_key_per_group_whichever_member_is_dispatched()
    {
        var first = new DispatchScenario();
        var second = new DispatchScenario();
        foreach (var scenario in new[] { first, second })
        {
            scenario.Seed(DispatchScenario.Nudge("a"));
            scenario.Seed(DispatchScenario.Nudge("b"));
        }

        await first.DispatchAsync("a");
        await second.DispatchAsync("b");

        Assert.Equal(Assert.Single(first.Sender.Calls).Key, Assert.Single(second.Sender.Calls).Key);
    }
}
