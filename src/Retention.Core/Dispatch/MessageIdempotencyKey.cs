using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Retention.Core.Journeys;

namespace Retention.Core.Dispatch;

/// <summary>
/// The idempotency key of one outgoing message: employer, message key, plan revision and the exact set of
/// nudges it carries. Computed once when the group is claimed and pinned on every member
/// (<see cref="Nudge.IdempotencyKey"/>), so a replay after a crash sends under the same key and a sender that
/// can dedupe (pickup directory, ACS operation id) delivers it once; a re-plan (a new revision) or a different
/// group of nudges is a different message and gets a different key.
/// </summary>
public static class MessageIdempotencyKey
{
    public static string For(string employerId, IReadOnlyCollection<Nudge> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count == 0)
        {
            throw new ArgumentException("A message carries at least one nudge.", nameof(group));
        }

        var first = group.First();
        var revision = group.Max(n => n.PlanRevision);
        var ids = string.Join('\n', group.Select(n => n.Id).Order(StringComparer.Ordinal));
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{employerId}:{first.MessageKey}:r{revision}:{digest}");
    }
}
