using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Retention.Core.Email;

namespace Retention.Email;

/// <summary>
/// "Sends" by writing <c>&lt;directory&gt;/&lt;name from the idempotency key&gt;.eml</c>. The file appears
/// atomically (written to a temporary file, flushed, then moved into place without overwriting), so a reader
/// never sees half a message. A key whose file already exists is a repeat: answered sent without rewriting,
/// which makes this sender exactly-once per key, also across a crash and replay. The files are also the
/// <see cref="ISentMailArchive"/> that erasure clears.
/// </summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender, ISentMailArchive
{
    private const int ReadablePartLength = 60;

    // RFC 5322 lines end in CRLF; MimeKit's default follows the platform (LF here), which pickup readers may reject.
    private static readonly FormatOptions Format = CreateFormat();

    private readonly string directory = options.Value.PickupDirectory
        ?? throw new InvalidOperationException($"{EmailOptions.SectionName}:PickupDirectory is not set.");

    private readonly string messageIdDomain = options.Value.MessageIdDomain;

    /// <summary>The directory the .eml files go to.</summary>
    public string Directory => directory;

    /// <summary>The file a key is written to: a readable part of the key plus a hash, safe on every file system.</summary>
    public static string FileNameFor(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var readable = new StringBuilder(ReadablePartLength);
        foreach (var c in idempotencyKey.Take(ReadablePartLength))
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..16];
        return $"{readable}-{hash}.eml";
    }

    public async Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Path.Combine(directory, FileNameFor(idempotencyKey));
        if (File.Exists(path))
        {
            EmailLog.PickupRepeat(logger, Path.GetFileName(path));
            return EmailSendResult.Sent;
        }

        IdempotencyStamp.Apply(message, idempotencyKey, messageIdDomain);

        // Not *.eml, so that nobody listing the outbox picks up a file still being written.
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, FileOptions.Asynchronous))
            {
                await message.WriteToAsync(Format, stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer stored the same key first: the same message, already there.
                EmailLog.PickupRepeat(logger, Path.GetFileName(path));
            }

            return EmailSendResult.Sent;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            EmailLog.PickupWriteFailed(logger, ex.GetType().Name, Path.GetFileName(path));
            return EmailSendResult.Transient("pickup write failed: " + ex.GetType().Name);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    public Task<int> EraseAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKeys);
        var removed = 0;
        foreach (var key in idempotencyKeys)
        {
            var path = Path.Combine(directory, FileNameFor(key));
            if (File.Exists(path))
            {
                // Not TryDelete: a copy that cannot be removed must fail the erasure, so that it is retried.
                File.Delete(path);
                removed++;
            }
        }

        EmailLog.PickupErased(logger, removed);
        return Task.FromResult(removed);
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A stray temporary file is harmless: it never looks like a message.
        }
    }
}
