namespace Retention.Core.Journeys;

/// <summary>Who a nudge is for.</summary>
public enum Audience
{
    Newcomer,
    Ildsjel,
    Hr,
}
