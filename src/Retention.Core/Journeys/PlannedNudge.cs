using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>A nudge while it is being planned: its wished date, the date it got, and what it follows up.</summary>
internal struct PlannedNudge
{
    public string Kind;
    public Audience Audience;
    public string Reason;
    public int Order;
    public LocalDate Target;
    public LocalDate Date;
    public bool Seasonal;
    public bool Escalate;

    /// <summary>Index of the original ildsjel nudge for reminders and escalations, otherwise -1.</summary>
    public int Original;
    public bool Dropped;
    public Nudge? Nudge;
}
