using System.Security.Cryptography;

namespace Retention.Server;

/// <summary>
/// Self-hosted, the service's secret keys may be left unset: each is then created once in the data directory and
/// kept, so links in mail already sent stay valid and unsubscribes stay recognised across restarts. (On Azure they
/// come from Key Vault.)
/// </summary>
public static class SecretKeyFile
{
    /// <summary>The HMAC key of one-click links (<c>Retention:Links:SigningKey</c>).</summary>
    public const string LinkSigningKey = "link-signing.key";

    /// <summary>The key of the keyed hashes of unsubscribed addresses and erased external ids (<c>Retention:Privacy:HashKey</c>).</summary>
    public const string PrivacyHashKey = "privacy-hash.key";

    public static string LoadOrCreate(string dataDirectory, string fileName)
    {
        var path = Path.Combine(dataDirectory, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
