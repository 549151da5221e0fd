using FsCheck.Xunit;
using Retention.Core.Dispatch;

namespace Retention.Core.Tests.Dispatch;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(1000, 3600)]
    public void Doubles_from_the_base_up_to_the_cap(int failedAttempts, int expectedSeconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(30), 2, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), backoff.DelayAfter(failedAttempts));
    }

    [Property]
    public bool Never_shrinks_and_never_passes_the_cap(byte attempt, byte baseSeconds, byte factorTenths)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(baseSeconds + 1), 1 + (factorTenths % 50 / 10.0), TimeSpan.FromHours(3));
        var n = attempt % 200 + 1;

        var now = backoff.DelayAfter(n);
        var next = backoff.DelayAfter(n + 1);

        return now <= next && next <= backoff.Cap && now >= TimeSpan.Zero;
    }

    [Fact]
    public void Rejects_attempt_numbers_below_one()
    {
        var backoff = new DispatchOptions().Backoff;

        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.DelayAfter(0));
    }
}
