using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Retention.Core.Links;

/// <summary>HMAC-SHA256 signing of one-click link tokens (URL-safe text), verified in constant time.</summary>
public interface IActionTokenSigner
{
    string Sign(ActionToken token);

    /// <summary>False for a forged, malformed or expired (<paramref name="now"/> past the expiry) token.</summary>
    bool TryVerify(string token, Instant now, [NotNullWhen(true)] out ActionToken? verified);
}
