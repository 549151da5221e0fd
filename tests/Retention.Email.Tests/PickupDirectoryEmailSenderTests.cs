using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Retention.Core.Email;

namespace Retention.Email.Tests;

public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pickup-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Writes_a_parseable_eml_with_a_message_id_derived_from_the_key()
    {
        var sender = Sender();

        var result = await sender.SendAsync(TestMessages.Nudge(withInvitation: true), "acme:enr-1:Ildsjel:2027-03-04:r0:abc", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, result.Status);
        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("Book the welcome lunch", parsed.Subject);
        Assert.Equal(IdempotencyStamp.MessageIdFor("acme:enr-1:Ildsjel:2027-03-04:r0:abc", "retention.local"), parsed.MessageId);
        Assert.Equal("acme:enr-1:Ildsjel:2027-03-04:r0:abc", parsed.Headers[IdempotencyStamp.HeaderName]);
        Assert.Contains("welcome lunch", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href", parsed.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("welcome-lunch.ics", Assert.Single(parsed.Attachments).ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Every_line_of_the_eml_ends_in_crlf_as_rfc_5322_requires()
    {
        await Sender().SendAsync(TestMessages.Nudge(withInvitation: true), "key-crlf", CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(directory)));
        var lineFeeds = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] == (byte)'\n').ToList();
        Assert.NotEmpty(lineFeeds);
        Assert.All(lineFeeds, i => Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at offset {i}"));
    }

    [Fact]
    public async Task Writes_a_key_once_and_answers_a_repeat_as_sent_without_rewriting()
    {
        var sender = Sender();

        await sender.SendAsync(TestMessages.Nudge(subject: "first"), "key-1", CancellationToken.None);
        var repeat = await sender.SendAsync(TestMessages.Nudge(subject: "second"), "key-1", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Sent, repeat.Status);
        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal("first", (await MimeMessage.LoadAsync(file)).Subject);
    }

    [Fact]
    public async Task Writes_one_file_when_the_same_key_is_sent_concurrently()
    {
        var sender = Sender();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => sender.SendAsync(TestMessages.Nudge(subject: $"copy {i}"), "same-key", CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(EmailSendStatus.Sent, r.Status));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task Writes_a_file_per_key_and_leaves_no_temporary_files()
    {
        var sender = Sender();

        for (var i = 0; i < 5; i++)
        {
            await sender.SendAsync(TestMessages.Nudge(), $"acme:key-{i}", CancellationToken.None);
        }

        var files = Directory.GetFiles(directory);
        Assert.Equal(5, files.Length);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("acme:enr/1:../../etc")]
    [InlineData("a\\b c?d*e")]
    [InlineData("x")]
    public void Derives_a_safe_file_name_from_any_key(string key)
    {
        var name = PickupDirectoryEmailSender.FileNameFor(key);

        Assert.Equal(name, Path.GetFileName(name));
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_-]+-[0-9a-f]{16}\\.eml$", name);
        Assert.NotEqual(PickupDirectoryEmailSender.FileNameFor(key + "!"), name);
    }

    [Fact]
    public async Task Answers_transient_when_the_directory_cannot_be_written()
    {
        var blocked = Path.Combine(directory, "not-a-directory");
        await File.WriteAllTextAsync(blocked, "a file where the outbox should be");
        var sender = Sender(blocked);

        var result = await sender.SendAsync(TestMessages.Nudge(), "key", CancellationToken.None);

        Assert.Equal(EmailSendStatus.Transient, result.Status);
        Assert.DoesNotContain("@", result.Detail, StringComparison.Ordinal);
    }

    private PickupDirectoryEmailSender Sender(string? path = null) =>
        new(Options.Create(new EmailOptions { PickupDirectory = path ?? directory }), NullLogger<PickupDirectoryEmailSender>.Instance);
}
