namespace Retention.Http.Journeys;

/// <summary>Every planned and past nudge of one enrolment.</summary>
public sealed record JourneyResponse(IReadOnlyList<NudgeResponse> Nudges);
