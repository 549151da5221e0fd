using System.Security.Cryptography;
using System.Text;

namespace Retention.Core.Privacy;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of personal data the service must recognise without keeping it: the same input and
/// key give the same value, and without the key nobody can test a guess. Each use has its own domain, so a value
/// made for one purpose never matches another.
/// </summary>
public sealed class Pseudonyms
{
    private static readonly byte[] AddressDomain = "retention/address/v1\n"u8.ToArray();
    private static readonly byte[] ExternalIdDomain = "retention/external-id/v1\n"u8.ToArray();

    private readonly byte[] _key;

    public Pseudonyms(PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = DecodeKey(options.HashKey);
    }

    /// <summary>Stands for an e-mail address, compared case-insensitively and without surrounding white space.</summary>
    public string Address(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Hash(AddressDomain, email.Trim().ToLowerInvariant());
    }

    /// <summary>Stands for an employer's external id of an erased person, so a re-import can say "erased" without the id.</summary>
    public string ExternalId(string employerId, string externalId)
    {
        ArgumentException.ThrowIfNullOrEmpty(employerId);
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        return Hash(ExternalIdDomain, employerId + "\n" + externalId);
    }

    private string Hash(byte[] domain, string value)
    {
        var text = Encoding.UTF8.GetBytes(value);
        var input = new byte[domain.Length + text.Length];
        domain.CopyTo(input, 0);
        text.CopyTo(input, domain.Length);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, input));
    }

    private static byte[] DecodeKey(string value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.HashKey)} must be base64.", nameof(value));
        }

        return key.Length >= 32
            ? key
            : throw new ArgumentException($"{PrivacyOptions.SectionName}:{nameof(PrivacyOptions.HashKey)} must hold at least 32 bytes.", nameof(value));
    }
}
