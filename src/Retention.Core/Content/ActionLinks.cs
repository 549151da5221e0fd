using NodaTime;
using Retention.Core.Journeys;
using Retention.Core.Links;

namespace Retention.Core.Content;

/// <summary>Builds <c>{PublicBaseUrl}/a/{token}</c>: the token carries ids, action and expiry, nothing personal.</summary>
internal sealed class ActionLinks(IActionTokenSigner signer, string baseUrl, Instant expiresAt)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string For(Nudge nudge, LinkAction action, int value = 0) =>
        $"{_base}/a/{signer.Sign(new ActionToken(nudge.EmployerId, nudge.Id, action, value, expiresAt))}";

    public ActionLinks ExpiringAt(Instant other) => new(signer, _base, other);
}
