using System.Security.Cryptography;
using System.Text;

namespace Retention.Core.Application;

/// <summary>Ids derived from their inputs, so that repeating a request stores the same record once.</summary>
public static class DeterministicId
{
    public static string From(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
