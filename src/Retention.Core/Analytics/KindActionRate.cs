namespace Retention.Core.Analytics;

/// <summary>Share of ildsjel nudges of one kind that the ildsjel acted on; <see cref="Sent"/> counts nudges, people count newcomers.</summary>
public sealed record KindActionRate(string Kind, Figure Sent, Figure Rate);
