namespace Retention.Server.Dispatching;

/// <summary>One poll of the due-queue: nudges claimed, and how many of them were settled (sent, skipped, failed, rescheduled).</summary>
public sealed record DuePollResult(int Claimed, int Progressed);
