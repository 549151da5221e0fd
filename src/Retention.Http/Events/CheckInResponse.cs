using NodaTime;
using Retention.Core.Events;

namespace Retention.Http.Events;

/// <summary>A recorded check-in as the API returns it: never the comment, which is personal data.</summary>
public sealed record CheckInResponse(string Id, Instant At, int Belonging, int IntentToStay)
{
    public static CheckInResponse From(CheckIn c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.At, c.Belonging, c.IntentToStay);
    }
}
