using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Messaging;

namespace Retention.Core.Tests.Messaging;

public sealed class NudgeMessageTests
{
    private static readonly Gen<string> Ids =
        Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_:æøå".ToCharArray()).ArrayOf().Where(a => a.Length is > 0 and <= NudgeMessage.MaxIdLength).Select(a => new string(a));

    private static Arbitrary<NudgeMessage> Messages() =>
        (from employer in Ids
         from nudge in Ids
         from revision in Gen.Choose(0, int.MaxValue)
         from reschedules in Gen.Choose(0, 1000)
         select new NudgeMessage(employer, nudge, revision, reschedules)).ToArbitrary();

    [Property]
    public Property Round_trips_through_json() =>
        Prop.ForAll(Messages(), message =>
        {
            var ok = NudgeMessage.TryParse(message.ToUtf8Json(), out var parsed, out var error);
            return ok && error is null && parsed == message;
        });

    [Property]
    public Property Message_id_never_exceeds_the_service_bus_limit_and_is_stable() =>
        Prop.ForAll(Messages(), message =>
            message.MessageId.Length <= NudgeMessage.MaxMessageIdLength && message.MessageId == (message with { }).MessageId);

    [Fact]
    public void Body_is_camel_case_json_with_ids_only()
    {
        var json = Encoding.UTF8.GetString(new NudgeMessage("emp-1", "n-42", 3).ToUtf8Json());

        Assert.Equal("""{"employerId":"emp-1","nudgeId":"n-42","planRevision":3,"reschedules":0}""", json);
    }

    [Fact]
    public void Message_id_is_nudge_id_and_revision()
    {
        Assert.Equal("n-42@3", new NudgeMessage("emp-1", "n-42", 3).MessageId);
    }

    [Fact]
    public void Message_id_changes_with_revision_and_with_each_reschedule()
    {
        var first = new NudgeMessage("emp-1", "n-42", 3);
        var ids = new[] { first, first with { PlanRevision = 4 }, first.Rescheduled(), first.Rescheduled().Rescheduled() }
            .Select(m => m.MessageId)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("n-42@3~1", ids[2]);
    }

    [Fact]
    public void Over_long_message_id_is_hashed_deterministically()
    {
        var message = new NudgeMessage("emp", new string('x', 150), 1);

        Assert.StartsWith("sha256-", message.MessageId, StringComparison.Ordinal);
        Assert.Equal(71, message.MessageId.Length);
        Assert.Equal(message.MessageId, new NudgeMessage("emp", new string('x', 150), 1).MessageId);
        Assert.NotEqual(message.MessageId, new NudgeMessage("emp", new string('x', 150), 2).MessageId);
    }

    [Fact]
    public void For_takes_ids_and_revision_from_the_nudge()
    {
        var nudge = new Nudge
        {
            Id = "n-7", EmployerId = "emp-2", EnrollmentId = "e-1", Kind = "welcome-lunch", Audience = Audience.Ildsjel,
            DueAt = Instant.FromUtc(2027, 3, 4, 8, 0), Reason = "week-1", MessageKey = "k", PlanRevision = 5,
        };

        Assert.Equal(new NudgeMessage("emp-2", "n-7", 5), NudgeMessage.For(nudge));
    }

    [Fact]
    public void Application_properties_carry_the_ids_as_amqp_simple_types()
    {
        var properties = new NudgeMessage("emp-1", "n-42", 3, 2).ApplicationProperties;

        Assert.Equal("emp-1", properties["employerId"]);
        Assert.Equal("n-42", properties["nudgeId"]);
        Assert.Equal(3, properties["planRevision"]);
        Assert.Equal(2, properties["reschedules"]);
        Assert.All(properties.Values, v => Assert.True(v is string or int));
    }

    [Fact]
    public void A_body_without_reschedules_parses_as_the_first_schedule()
    {
        Assert.True(NudgeMessage.TryParse("""{"employerId":"e","nudgeId":"n","planRevision":1}"""u8, out var message, out _));
        Assert.Equal(0, message.Reschedules);
    }

    [Theory]
    [InlineData("", "not a nudge message")]
    [InlineData("not json", "not a nudge message")]
    [InlineData("null", "JSON null")]
    [InlineData("[]", "not a nudge message")]
    [InlineData("""{"nudgeId":"n","planRevision":1}""", "not a nudge message")]
    [InlineData("""{"employerId":"e","planRevision":1}""", "not a nudge message")]
    [InlineData("""{"employerId":"e","nudgeId":"n"}""", "not a nudge message")]
    [InlineData("""{"employerId":null,"nudgeId":"n","planRevision":1}""", "not a nudge message")]
    [InlineData("""{"employerId":"e","nudgeId":"n","planRevision":"1"}""", "not a nudge message")]
    [InlineData("""{"employerId":"e","nudgeId":"n","planRevision":1.5}""", "not a nudge message")]
    [InlineData("""{"employerId":"e","nudgeId":"n","planRevision":1,"email":"a@b.no"}""", "not a nudge message")]
    [InlineData("""{"employerId":" ","nudgeId":"n","planRevision":1}""", "employerId is missing or blank")]
    [InlineData("""{"employerId":"e","nudgeId":"","planRevision":1}""", "nudgeId is missing or blank")]
    [InlineData("""{"employerId":"e","nudgeId":"n\u0000","planRevision":1}""", "nudgeId contains control characters")]
    [InlineData("""{"employerId":"e","nudgeId":"n","planRevision":-1}""", "planRevision is negative")]
    [InlineData("""{"employerId":"e","nudgeId":"n","planRevision":1,"reschedules":-2}""", "reschedules is negative")]
    public void Invalid_bodies_are_rejected_with_a_reason(string body, string expectedReason)
    {
        var ok = NudgeMessage.TryParse(Encoding.UTF8.GetBytes(body), out var message, out var error);

        Assert.False(ok);
        Assert.Null(message);
        Assert.Contains(expectedReason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_long_ids_are_rejected()
    {
        var body = new NudgeMessage("e", new string('n', NudgeMessage.MaxIdLength + 1), 1).ToUtf8Json();

        Assert.False(NudgeMessage.TryParse(body, out _, out var error));
        Assert.Contains("nudgeId is longer than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_reason_does_not_echo_payload_text()
    {
        var ok = NudgeMessage.TryParse("""{"employerId":"e","nudgeId":"n","planRevision":1,"secret@example.no":1}"""u8, out _, out var error);

        Assert.False(ok);
        Assert.DoesNotContain("example.no", error, StringComparison.Ordinal);
    }
}
