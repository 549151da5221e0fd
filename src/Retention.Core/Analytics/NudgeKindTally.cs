namespace Retention.Core.Analytics;

/// <summary>How many ildsjel nudges of one kind reached the ildsjel for one newcomer, and how many were acted on.</summary>
public sealed record NudgeKindTally(string Kind, int Sent, int Acted);
