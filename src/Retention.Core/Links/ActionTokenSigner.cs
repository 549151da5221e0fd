using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Retention.Core.Links;

/// <summary>
/// Signs one-click link tokens: <c>base64url(payload ‖ HMAC-SHA256(key, domain ‖ payload))</c>, unpadded.
/// The payload is binary — version, expiry (Unix seconds), action, value, employer id, nudge id — so a token
/// holds ids only, never a name or an address. Verification accepts exactly the canonical encoding: any other
/// spelling of the same bytes (padding, standard base64, non-zero trailing bits) is rejected.
/// </summary>
public sealed class ActionTokenSigner : IActionTokenSigner
{
    private const byte FormatVersion = 1;
    private const int TagLength = 32;
    private const int MaxIdBytes = 200;

    // Domain separation: a MAC made for something else with the same key is never a valid link token.
    private static readonly byte[] Domain = "retention/action-link/v1\n"u8.ToArray();

    private readonly byte[] _signingKey;
    private readonly byte[][] _verificationKeys;

    public ActionTokenSigner(ActionLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signingKey = DecodeKey(options.SigningKey, nameof(options.SigningKey));
        _verificationKeys = [_signingKey, .. options.PreviousSigningKeys.Select(k => DecodeKey(k, nameof(options.PreviousSigningKeys)))];
    }

    public string Sign(ActionToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ValidateValue(token.Action, token.Value, throwIfInvalid: true);
        var employer = EncodeId(token.EmployerId, nameof(token.EmployerId));
        var nudge = EncodeId(token.NudgeId, nameof(token.NudgeId));

        var payloadLength = 1 + 8 + 1 + 1 + 1 + employer.Length + 1 + nudge.Length;
        var buffer = new byte[payloadLength + TagLength];
        var span = buffer.AsSpan();
        span[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], token.ExpiresAt.ToUnixTimeSeconds());
        span[9] = (byte)token.Action;
        span[10] = (byte)token.Value;
        span[11] = (byte)employer.Length;
        employer.CopyTo(span[12..]);
        span[12 + employer.Length] = (byte)nudge.Length;
        nudge.CopyTo(span[(13 + employer.Length)..]);

        ComputeTag(_signingKey, span[..payloadLength], span[payloadLength..]);
        return Base64Url.EncodeToString(buffer);
    }

    public bool TryVerify(string token, Instant now, [NotNullWhen(true)] out ActionToken? verified)
    {
        verified = null;
        if (string.IsNullOrEmpty(token) || token.Length > 1024 || !IsCanonicalBase64Url(token, out var bytes))
        {
            return false;
        }

        if (bytes.Length < 13 + TagLength)
        {
            return false;
        }

        var payload = bytes.AsSpan(0, bytes.Length - TagLength);
        var tag = bytes.AsSpan(bytes.Length - TagLength);
        Span<byte> expected = stackalloc byte[TagLength];
        var authentic = false;
        foreach (var key in _verificationKeys)
        {
            ComputeTag(key, payload, expected);
            authentic |= CryptographicOperations.FixedTimeEquals(expected, tag);
        }

        if (!authentic || !TryParsePayload(payload, out var parsed))
        {
            return false;
        }

        if (now >= parsed.ExpiresAt)
        {
            return false;
        }

        verified = parsed;
        return true;
    }

    private static bool TryParsePayload(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out ActionToken? token)
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

    private static bool ValidateValue(LinkAction action, int value, bool throwIfInvalid)
    {
        var valid = action is LinkAction.Belonging or LinkAction.IntentToStay ? value is >= 1 and <= 5 : value == 0;
        if (!valid && throwIfInvalid)
        {
            throw new ArgumentException($"Value {value} is not valid for action {action} (check-in answers are 1..5, other actions 0).", nameof(value));
        }

        return valid;
    }

    private static bool IsCanonicalBase64Url(string token, out byte[] bytes)
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

    private static void ComputeTag(byte[] key, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Domain);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
    }

    private static byte[] EncodeId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        var bytes = Encoding.UTF8.GetBytes(id);
        if (bytes.Length > MaxIdBytes)
        {
            throw new ArgumentException($"{name} is longer than {MaxIdBytes} bytes.", name);
        }

        return bytes;
    }

    private static byte[] DecodeKey(string base64, string name)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            throw new ArgumentException("The link signing key is not valid base64.", name);
        }

        if (key.Length < 32)
        {
            throw new ArgumentException("The link signing key must be at least 32 bytes (256 bits).", name);
        }

        return key;
    }
}
