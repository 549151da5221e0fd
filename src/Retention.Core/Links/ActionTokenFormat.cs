using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using NodaTime;

namespace Retention.Core.Links;

/// <summary>
/// The binary payload of a link token — version, expiry (Unix seconds, big-endian), action, value, then employer
/// id and nudge id each prefixed by its UTF-8 length — and the strict base64url reading of a whole token.
/// </summary>
internal static class ActionTokenFormat
{
    public const int MinPayloadLength = 13;
    private const byte FormatVersion = 1;

    public static byte[] Write(ActionToken token, int maxIdBytes)
    {
        ValidateValue(token.Action, token.Value, throwIfInvalid: true);
        var employer = EncodeId(token.EmployerId, nameof(token.EmployerId), maxIdBytes);
        var nudge = EncodeId(token.NudgeId, nameof(token.NudgeId), maxIdBytes);
        var payload = new byte[MinPayloadLength + employer.Length + nudge.Length];
        var span = payload.AsSpan();
        span[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], token.ExpiresAt.ToUnixTimeSeconds());
        span[9] = (byte)token.Action;
        span[10] = (byte)token.Value;
        span[11] = (byte)employer.Length;
        employer.CopyTo(span[12..]);
        span[12 + employer.Length] = (byte)nudge.Length;
        nudge.CopyTo(span[(13 + employer.Length)..]);
        return payload;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out ActionToken? token)
    {
        token = null;
        if (payload[0] != FormatVersion)
        {
            return false;
        }

        var expiry = BinaryPrimitives.ReadInt64BigEndian(payload[1..]);
        var action = (LinkAction)payload[9];
        int value = payload[10];
        if (!Enum.IsDefined(action) || !ValidateValue(action, value, throwIfInvalid: false)
            || expiry < Instant.MinValue.ToUnixTimeSeconds() || expiry > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        int employerLength = payload[11];
        if (payload.Length < 13 + employerLength)
        {
            return false;
        }

        int nudgeLength = payload[12 + employerLength];
        if (payload.Length != 13 + employerLength + nudgeLength || employerLength == 0 || nudgeLength == 0)
        {
            return false;
        }

        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            var employerId = strict.GetString(payload.Slice(12, employerLength));
            var nudgeId = strict.GetString(payload.Slice(13 + employerLength, nudgeLength));
            token = new ActionToken(employerId, nudgeId, action, value, Instant.FromUnixTimeSeconds(expiry));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static bool TryDecodeCanonical(string token, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        if (token.Length % 4 == 1)
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        // Unused trailing bits must be zero, otherwise several strings decode to the same bytes.
        return string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal);
    }

    private static bool ValidateValue(LinkAction action, int value, bool throwIfInvalid)
    {
        var valid = action is LinkAction.Belonging or LinkAction.IntentToStay ? value is >= 1 and <= 5 : value == 0;
        if (!valid && throwIfInvalid)
        {
            throw new ArgumentException($"Value {value} is not valid for action {action} (check-in answers are 1..5, other actions 0).", nameof(value));
        }

        return valid;
    }

    private static byte[] EncodeId(string id, string name, int maxIdBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        var bytes = Encoding.UTF8.GetBytes(id);
        if (bytes.Length > maxIdBytes)
        {
            throw new ArgumentException($"{name} is longer than {maxIdBytes} bytes.", name);
        }

        return bytes;
    }
}
