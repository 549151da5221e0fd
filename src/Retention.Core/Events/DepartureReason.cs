namespace Retention.Core.Events;

/// <summary>The fixed list of reasons for leaving (a fixed list so that it can be counted, and holds no free text).</summary>
public enum DepartureReason
{
    Career,
    PartnerJob,
    Family,
    Housing,
    Language,
    Social,
    Climate,
    Other,
}
