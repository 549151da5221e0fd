namespace Retention.Core.Application;

/// <summary>One message of a journey preview, rendered but not sent.</summary>
public sealed record MessagePreview(IReadOnlyList<string> NudgeIds, string Audience, string To, string Subject, string Text, string Html, IReadOnlyList<string> Attachments);
