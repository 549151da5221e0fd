using Microsoft.Extensions.Time.Testing;
using Retention.Core.Application;
using Retention.Core.Enrollments;
using Retention.Core.Tests.Journeys;
using Retention.Testing.Fakes;

namespace Retention.Core.Tests.Application;

public sealed class CheckInServiceTests
{
    private readonly InMemoryEnrollmentStore _enrollments = new();
    private readonly InMemoryEventStore _events = new();

    [Theory]
    [InlineData(EnrollmentStatus.Active, CommandStatus.Done)]
    [InlineData(EnrollmentStatus.Paused, CommandStatus.Done)]
    [InlineData(EnrollmentStatus.Completed, CommandStatus.Done)]
    [InlineData(EnrollmentStatus.Left, CommandStatus.Conflict)]
    [InlineData(EnrollmentStatus.Cancelled, CommandStatus.Conflict)]
    public async Task A_check_in_is_recorded_while_the_newcomer_is_employed_and_not_after_they_left(EnrollmentStatus status, CommandStatus expected)
    {
        _enrollments.Seed(SampleEnrollments.Audrey() with { Status = status });
        var service = new CheckInService(_enrollments, _events, new RetentionClock(new FakeTimeProvider(new DateTimeOffset(2027, 6, 30, 8, 0, 0, TimeSpan.Zero))));

        var result = await service.RecordAsync("employer-1", "enrollment-1", new CheckInInput { Belonging = 4, IntentToStay = 5 }, nudgeId: null, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(expected == CommandStatus.Done ? 1 : 0, (await _events.GetCheckInsAsync("employer-1", "enrollment-1", CancellationToken.None)).Count);
    }
}
