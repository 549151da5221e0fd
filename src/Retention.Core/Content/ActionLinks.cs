using NodaTime;
using Retention.Core.Application;
using Retention.Core.Journeys;
using Retention.Core.Links;

namespace Retention.Core.Content;

/// <summary>
/// Builds <c>{PublicBaseUrl}/a/{token}</c>: the token carries ids, action and expiry, nothing personal. In a preview
/// every link is <c>/a/preview</c>, which records nothing: the preview is read by HR, not by the recipient.
/// </summary>
internal sealed class ActionLinks(IActionTokenSigner signer, string baseUrl, Instant expiresAt, bool preview = false)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string For(Nudge nudge, LinkAction action, int value = 0) => preview
        ? $"{_base}/a/{LinkActionService.PreviewToken}"
        : $"{_base}/a/{signer.Sign(new ActionToken(nudge.EmployerId, nudge.Id, action, value, expiresAt))}";

    public ActionLinks ExpiringAt(Instant other) => new(signer, _base, other, preview);
}
