namespace Retention.Core.Events;

/// <summary>What HR recorded: the newcomer left, or was confirmed still here at a checkpoint.</summary>
public enum OutcomeStatus
{
    Stayed,
    Left,
}
