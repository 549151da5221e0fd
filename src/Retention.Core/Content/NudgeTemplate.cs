using DotLiquid;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// One parsed template: the subject and body (Liquid) of one nudge kind for one audience in one language,
/// the one-click actions it offers (<c>done</c>, <c>snooze</c>, <c>dismiss</c>, <c>checkin</c>) and optional
/// labels that replace the language's default action labels.
/// </summary>
public sealed record NudgeTemplate(
    string Kind,
    Audience Audience,
    string Language,
    Template Subject,
    Template Body,
    IReadOnlyList<string> Actions,
    IReadOnlyDictionary<string, string> Labels,
    string Source);
