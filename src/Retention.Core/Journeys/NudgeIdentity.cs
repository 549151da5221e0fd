using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>
/// Deterministic nudge ids and message keys. An id is SHA-256 over the enrolment (employer and enrolment id),
/// kind, audience, reason, due instant and followed-up nudge, shortened to 128 bits of lowercase hex: the same
/// plan input gives the same ids, and a nudge that moves gets a new id (so a re-plan never overwrites one).
/// </summary>
internal static class NudgeIdentity
{
    public const int SeedLength = 32;

    private static readonly string[] AudienceNames = ["newcomer", "ildsjel", "hr"];

    public static string AudienceName(Audience audience) => AudienceNames[(int)audience];

    /// <summary>The per-enrolment part of every id, hashed once per plan.</summary>
    public static void Seed(string employerId, string enrollmentId, Span<byte> seed)
    {
        var length = Encoding.UTF8.GetMaxByteCount(employerId.Length + enrollmentId.Length) + 1;
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(employerId, buffer);
        buffer[written++] = 0;
        written += Encoding.UTF8.GetBytes(enrollmentId, buffer[written..]);
        SHA256.HashData(buffer[..written], seed);
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

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..16]);
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
