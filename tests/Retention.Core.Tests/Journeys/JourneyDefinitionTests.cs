using Retention.Core.Journeys;

namespace Retention.Core.Tests.Journeys;

public sealed class JourneyDefinitionTests
{
    [Fact]
    public void The_default_journey_is_loaded_from_the_embedded_resource()
    {
        var journey = JourneyDefinition.Default;

        Assert.Equal("default", journey.Name);
        var lunch = Assert.Single(journey.Milestones, m => m.Kind == "welcome-lunch");
        Assert.Equal(Audience.Ildsjel, lunch.Audience);
        Assert.Equal(MilestoneAnchor.Start, lunch.Anchor);
        Assert.Equal(2, lunch.OffsetWorkingDays);
        Assert.True(lunch.Escalate);
        Assert.Equal(MilestoneConditions.HasChildUnder6, Assert.Single(journey.Milestones, m => m.Kind == "kindergarten").Conditions);
        Assert.True(Assert.Single(journey.Milestones, m => m.Kind == "check-in").AtCheckInMonths);
        Assert.Equal([6, 12, 24], Assert.Single(journey.Milestones, m => m.Kind == "retention-confirmation").AtMonths!);
        var may = Assert.Single(journey.Milestones, m => m.Kind == "seventeenth-may");
        Assert.Equal(("17-may", -10, "17-may"), (may.Moment, may.OffsetDays, may.Reason));
    }

    [Fact]
    public void A_minimal_override_parses()
    {
        var journey = JourneyDefinition.Parse("""
            {
              // comments are allowed
              "name": "acme",
              "milestones": [
                { "kind": "first-day", "audience": "ildsjel", "reason": "first-day", "anchor": "start" },
                { "kind": "winter-tips", "audience": "newcomer", "anchor": "calendar", "moment": "first-frost", "offsetDays": 14,
                  "conditions": ["hasPartnerOrChildren", "requiresNewcomerConsent"] }
              ]
            }
            """);

        Assert.Equal("acme", journey.Name);
        Assert.Equal(2, journey.Milestones.Count);
        var tips = journey.Milestones[1];
        Assert.Equal("first-frost", tips.Reason);
        Assert.Equal(MilestoneConditions.HasPartnerOrChildren | MilestoneConditions.RequiresNewcomerConsent, tips.Conditions);
    }

    [Fact]
    public void Every_problem_of_a_bad_definition_is_named_with_its_path()
    {
        var error = Assert.Throws<JourneyDefinitionException>(() => JourneyDefinition.Parse("""
            {
              "name": "broken",
              "colour": "red",
              "milestones": [
                { "kind": "Welcome Lunch", "audience": "boss", "reason": "week-1", "anchor": "start" },
                { "kind": "x", "audience": "newcomer", "reason": "r", "anchor": "tomorrow" },
                { "kind": "y", "audience": "newcomer", "anchor": "calendar", "moment": "midwinter" },
                { "kind": "z", "audience": "newcomer", "reason": "r", "anchor": "start", "offsetDays": 1, "offsetWorkingDays": 2 },
                { "kind": "w", "audience": "newcomer", "reason": "r", "anchor": "start", "escalate": true, "conditions": ["hasDog"] },
                { "kind": "v", "audience": "hr", "reason": "r", "anchor": "start", "atMonths": [] },
                { "kind": "u", "audience": "ildsjel", "reason": "r", "anchor": "start", "offsetDays": "ten" },
                { "kind": "t", "audience": "ildsjel", "anchor": "arrival" }
              ]
            }
            """));

        string[] expected =
        [
            "colour: unknown property",
            "milestones[0].kind: must be kebab-case",
            "milestones[0].audience: \"boss\" is not one of newcomer, ildsjel, hr",
            "milestones[1].anchor: \"tomorrow\" is not one of arrival, start, calendar",
            "milestones[2].moment: unknown seasonal moment \"midwinter\"",
            "milestones[3]: give at most one of offsetDays, offsetWorkingDays, atMonths",
            "milestones[4].conditions: unknown condition \"hasDog\"",
            "milestones[4].escalate: only ildsjel milestones escalate",
            "milestones[5].atMonths: must be \"checkInMonths\" or a non-empty list",
            "milestones[6].offsetDays: must be a whole number",
            "milestones[7].reason: required",
        ];
        foreach (var problem in expected)
        {
            Assert.Contains(error.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, error.Problems.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{ \"name\": \"x\" }")]
    [InlineData("{ \"milestones\": {} }")]
    public void A_definition_that_is_not_a_milestone_list_is_refused(string json)
    {
        var error = Assert.Throws<JourneyDefinitionException>(() => JourneyDefinition.Parse(json));
        Assert.NotEmpty(error.Problems);
    }

    [Fact]
    public void Duplicate_milestones_are_refused()
    {
        var error = Assert.Throws<JourneyDefinitionException>(() => JourneyDefinition.Parse("""
            { "milestones": [
              { "kind": "first-day", "audience": "ildsjel", "reason": "first-day", "anchor": "start" },
              { "kind": "first-day", "audience": "ildsjel", "reason": "first-day", "anchor": "start", "offsetDays": 1 } ] }
            """));

        Assert.Equal(["milestones[1]: duplicate of an earlier milestone (same kind, audience and reason)"], error.Problems);
    }
}
