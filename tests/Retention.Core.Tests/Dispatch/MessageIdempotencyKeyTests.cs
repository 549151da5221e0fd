using Retention.Core.Dispatch;

namespace Retention.Core.Tests.Dispatch;

public sealed class MessageIdempotencyKeyTests
{
    [Fact]
    public void Is_the_same_for_the_same_group_in_any_order()
    {
        var a = DispatchScenario.Nudge("a");
        var b = DispatchScenario.Nudge("b");

        Assert.Equal(MessageIdempotencyKey.For("acme", [a, b]), MessageIdempotencyKey.For("acme", [b, a]));
    }

    [Fact]
    public void Differs_by_employer_plan_revision_and_group()
    {
        var a = DispatchScenario.Nudge("a");
        var b = DispatchScenario.Nudge("b");
        var key = MessageIdempotencyKey.For("acme", [a, b]);

        Assert.NotEqual(key, MessageIdempotencyKey.For("globex", [a, b]));
        Assert.NotEqual(key, MessageIdempotencyKey.For("acme", [a, b with { PlanRevision = 2 }]));
        Assert.NotEqual(key, MessageIdempotencyKey.For("acme", [a]));
        Assert.Contains(":r2:", MessageIdempotencyKey.For("acme", [a, b with { PlanRevision = 2 }]), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_empty_group()
    {
        Assert.Throws<ArgumentException>(() => MessageIdempotencyKey.For("acme", []));
    }
}
