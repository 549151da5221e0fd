using MimeKit;
using Retention.Core.Email;

namespace Retention.Testing.Fakes;

/// <summary>
/// An <see cref="IEmailSender"/> that records every call and answers from a script (default: sent). With
/// <see cref="DedupeByKey"/> it behaves like a provider that recognises a repeated idempotency key.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly Lock gate = new();
    private readonly Queue<Func<EmailSendResult>> script = new();
    private readonly List<(MimeMessage Message, string Key)> calls = [];
    private readonly HashSet<string> delivered = new(StringComparer.Ordinal);

    /// <summary>A repeated key answers "sent" without delivering again.</summary>
    public bool DedupeByKey { get; init; }

    /// <summary>Runs inside each call before it answers (e.g. to simulate a crash after the send by throwing later).</summary>
    public Action<MimeMessage, string>? OnSend { get; set; }

    /// <summary>Every call, in order, including repeats.</summary>
    public IReadOnlyList<(MimeMessage Message, string Key)> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToList();
            }
        }
    }

    /// <summary>The keys of messages actually delivered (a repeat under <see cref="DedupeByKey"/> is not).</summary>
    public IReadOnlyCollection<string> Delivered
    {
        get
        {
            lock (gate)
            {
                return delivered.ToList();
            }
        }
    }

    /// <summary>The next calls answer these, in order; after them, sent.</summary>
    public RecordingEmailSender Then(params EmailSendResult[] results)
    {
        lock (gate)
        {
            foreach (var result in results)
            {
                script.Enqueue(() => result);
            }
        }

        return this;
    }

    /// <summary>The next call throws <paramref name="exception"/>.</summary>
    public RecordingEmailSender ThenThrow(Exception exception)
    {
        lock (gate)
        {
            script.Enqueue(() => throw exception);
        }

        return this;
    }

    public Task<EmailSendResult> SendAsync(MimeMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Func<EmailSendResult>? next;
        lock (gate)
        {
            calls.Add((message, idempotencyKey));
            script.TryDequeue(out next);
        }

        var result = next?.Invoke() ?? EmailSendResult.Sent;
        if (result.Status == EmailSendStatus.Sent)
        {
            lock (gate)
            {
                delivered.Add(idempotencyKey);
            }
        }

        OnSend?.Invoke(message, idempotencyKey);
        return Task.FromResult(result);
    }
}
