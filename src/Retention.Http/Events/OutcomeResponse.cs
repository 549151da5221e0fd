using NodaTime;
using Retention.Core.Events;

namespace Retention.Http.Events;

/// <summary>A recorded outcome as the API returns it.</summary>
public sealed record OutcomeResponse(string Id, OutcomeStatus Status, LocalDate Date, DepartureReason? Reason, Instant RecordedAt)
{
    public static OutcomeResponse From(Outcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Id, o.Status, o.Date, o.Reason, o.RecordedAt);
    }
}
