namespace Retention.Core.Links;

/// <summary>What a one-click link does. Check-in links carry the answered question and value in the token.</summary>
public enum LinkAction
{
    Done,
    Snooze,
    Dismiss,
    Belonging,
    IntentToStay,
    Unsubscribe,

    /// <summary>The person who unsubscribed takes it back (the only way an unsubscribe is lifted).</summary>
    Resubscribe,
}
