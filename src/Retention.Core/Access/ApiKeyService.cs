using System.Security.Cryptography;
using System.Text;
using Retention.Core.Application;
using Retention.Core.Storage;

namespace Retention.Core.Access;

/// <summary>
/// API keys of the form <c>rtn_{keyId}_{secret}</c>, each for one employer or one region (<see cref="KeyOwner"/>). Only the SHA-256 of the secret is stored
/// (the secret is 256 random bits, so a fast hash is enough); the key id makes the lookup a point read.
/// </summary>
public sealed class ApiKeyService(IApiKeyStore keys, RetentionClock clock)
{
    private const string Prefix = "rtn_";

    /// <summary>Creates a key for the employer and returns it in clear text, the only time it is ever seen.</summary>
    public async Task<string> CreateAsync(string employerId, CancellationToken cancellationToken)
    {
        if (!EmployerIds.IsValid(employerId))
        {
            throw new ArgumentException(EmployerIds.Rule, nameof(employerId));
        }

        return await CreateForAsync(KeyOwner.Employer(employerId), cancellationToken);
    }

    /// <summary>Creates a key for a region's curators and returns it in clear text, the only time it is ever seen.</summary>
    public async Task<string> CreateForRegionAsync(string regionId, CancellationToken cancellationToken)
    {
        if (!RegionIds.IsValid(regionId))
        {
            throw new ArgumentException(RegionIds.Rule, nameof(regionId));
        }

        return await CreateForAsync(KeyOwner.Region(regionId), cancellationToken);
    }

    /// <summary>Whom the key speaks for, or null for a missing, malformed, unknown or revoked key.</summary>
    public async Task<KeyOwner?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var parts = presented[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 16)
        {
            return null;
        }

        var stored = await keys.GetAsync(parts[0], cancellationToken);
        if (stored is null || stored.RevokedAt is not null)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(stored.Hash);
        var actual = Encoding.ASCII.GetBytes(Hash(parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? KeyOwner.FromStored(stored.EmployerId) : null;
    }

    private async Task<string> CreateForAsync(KeyOwner owner, CancellationToken cancellationToken)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await keys.AddAsync(new ApiKey(owner.Stored, keyId, Hash(secret), clock.Now), cancellationToken);
        return Prefix + keyId + "_" + secret;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
