namespace Retention.Core.Messaging;

/// <summary>One mailbox of an <see cref="EmailPayload"/>.</summary>
public sealed record EmailPayloadAddress(string Address, string? DisplayName);
