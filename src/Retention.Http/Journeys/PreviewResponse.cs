using Retention.Core.Application;

namespace Retention.Http.Journeys;

/// <summary>The future messages of a journey, rendered but not sent.</summary>
public sealed record PreviewResponse(string? Language, IReadOnlyList<MessagePreview> Messages);
