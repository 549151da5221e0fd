using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>
/// Deterministic nudge ids and message keys. An id is 128 bits of lowercase hex: XXH128 over a SHA-256 digest of
/// the enrolment (employer and enrolment id) followed by kind, audience, reason, due instant and followed-up nudge.
/// The same plan input gives the same ids, and a nudge that moves gets a new id (so a re-plan never overwrites one).
/// Ids are identifiers, not secrets (action links are HMAC-signed separately); SHA-256 per nudge cost more than
/// all the rest of planning together, so it is spent once per enrolment and the per-nudge part uses XXH128.
/// </summary>
internal static class NudgeIdentity
{
    public const int SeedLength = 32;

    private static readonly string[] AudienceNames = ["newcomer", "ildsjel", "hr"];

    public static string AudienceName(Audience audience) => AudienceNames[(int)audience];

    /// <summary>The per-enrolment part of every id, hashed once per plan with the caller's reusable SHA-256.</summary>
    public static void Seed(IncrementalHash sha256, string employerId, string enrollmentId, Span<byte> seed)
    {
        var length = Encoding.UTF8.GetMaxByteCount(employerId.Length + enrollmentId.Length) + 1;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(employerId, buffer);
        buffer[written++] = 0;
        written += Encoding.UTF8.GetBytes(enrollmentId, buffer[written..]);

        // Reused rather than SHA256.HashData: the one-shot call builds a native context each time, which cost
        // more than the rest of a plan.
        sha256.AppendData(buffer[..written]);
        sha256.GetHashAndReset(seed);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static string Id(ReadOnlySpan<byte> seed, string kind, Audience audience, string reason, Instant dueAt, string? followsUp)
    {
        var length = SeedLength + Encoding.UTF8.GetMaxByteCount(kind.Length + reason.Length + (followsUp?.Length ?? 0)) + 12;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        seed.CopyTo(buffer);
        var written = SeedLength;
        written += Encoding.UTF8.GetBytes(kind, buffer[written..]);
        buffer[written++] = 0;
        buffer[written++] = (byte)audience;
        written += Encoding.UTF8.GetBytes(reason, buffer[written..]);
        buffer[written++] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(buffer[written..], dueAt.ToUnixTimeTicks());
        written += 8;
        if (followsUp is not null)
        {
            written += Encoding.UTF8.GetBytes(followsUp, buffer[written..]);
        }

        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(buffer[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash);
    }

    /// <summary><c>{enrollmentId}:{audience}:{yyyy-MM-dd}</c>: one message per recipient per local date.</summary>
    public static string MessageKey(string enrollmentId, Audience audience, LocalDate date)
    {
        var name = AudienceNames[(int)audience];
        return string.Create(enrollmentId.Length + name.Length + 12, (enrollmentId, name, date), static (span, state) =>
        {
            state.enrollmentId.AsSpan().CopyTo(span);
            var at = state.enrollmentId.Length;
            span[at++] = ':';
            state.name.AsSpan().CopyTo(span[at..]);
            at += state.name.Length;
            span[at++] = ':';
            Digits(span.Slice(at, 4), state.date.Year);
            span[at + 4] = '-';
            Digits(span.Slice(at + 5, 2), state.date.Month);
            span[at + 7] = '-';
            Digits(span.Slice(at + 8, 2), state.date.Day);
        });
    }

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
