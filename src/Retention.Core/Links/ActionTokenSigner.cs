using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
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
        var payload = ActionTokenFormat.Write(token, MaxIdBytes);
        var buffer = new byte[payload.Length + TagLength];
        payload.CopyTo(buffer, 0);
        ComputeTag(_signingKey, payload, buffer.AsSpan(payload.Length));
        return Base64Url.EncodeToString(buffer);
    }

    public bool TryVerify(string token, Instant now, [NotNullWhen(true)] out ActionToken? verified)
    {
        verified = null;
        if (string.IsNullOrEmpty(token) || token.Length > 1024 || !ActionTokenFormat.TryDecodeCanonical(token, out var bytes))
        {
            return false;
        }

        if (bytes.Length < ActionTokenFormat.MinPayloadLength + TagLength)
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

        if (!authentic || !ActionTokenFormat.TryRead(payload, out var parsed))
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

    private static void ComputeTag(byte[] key, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Domain);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(destination);
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
