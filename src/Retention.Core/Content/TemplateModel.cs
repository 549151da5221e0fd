using System.Globalization;
using NodaTime;
using Retention.Core.Enrollments;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// The variables a template sees (snake_case, listed in <c>Content/README.md</c>). Every variable is always
/// present, empty rather than missing, so a template can test it and the variable check in the tests can see it.
/// </summary>
internal static class TemplateModel
{
    private const int MaxEvents = 8;

    public static Dictionary<string, object> Build(
        Enrollment enrollment, Nudge nudge, LocalContent local, string language, DateText dates, DateTimeZone workplaceZone, Instant now, WelcomeLunchSlot lunch)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(local.TimeZone) ?? workplaceZone;
        var children = enrollment.Family.ChildrenAges;
        var recipientName = nudge.Audience switch
        {
            Audience.Newcomer => enrollment.Newcomer.Name,
            Audience.Ildsjel => enrollment.Ildsjel.Name,
            _ => enrollment.HrContact?.Name ?? "",
        };

        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["recipient"] = Map(("name", recipientName)),
            ["newcomer"] = Map(("name", enrollment.Newcomer.Name), ("email", enrollment.Newcomer.Email)),
            ["ildsjel"] = Map(("name", enrollment.Ildsjel.Name), ("email", enrollment.Ildsjel.Email)),
            ["hr"] = Map(("name", enrollment.HrContact?.Name ?? ""), ("email", enrollment.HrContact?.Email ?? "")),
            ["municipality"] = TemplateLink.Clean(enrollment.Municipality),
            ["region"] = TemplateLink.Clean(local.RegionName),
            ["arrival_date"] = dates.Date(enrollment.ArrivalDate),
            ["start_date"] = dates.Date(enrollment.StartDate),
            ["arrived"] = enrollment.ArrivalDate <= now.InZone(workplaceZone).Date,
            ["due_date"] = dates.Date(nudge.DueAt.InZone(workplaceZone).Date),
            ["nudge"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kind"] = nudge.Kind,
                ["reason"] = nudge.Reason,
                ["month"] = MonthOf(nudge.Reason),
            },
            ["family"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["partner"] = enrollment.Family.Partner,
                ["children"] = children.Count,
                ["small_children"] = children.Count(a => a <= 5),
                ["school_children"] = children.Count(a => a is >= 6 and <= 15),
            },
            ["interests"] = enrollment.Interests.Select(TemplateLink.Clean).ToList(),
            ["interests_text"] = dates.List([.. enrollment.Interests.Select(TemplateLink.Clean)]),
            ["events"] = local.Events.Take(MaxEvents).Select(e => Event(e, dates, zone)).ToList(),
            ["nearby_events"] = local.NearbyEvents.Take(MaxEvents).Select(e => Event(e, dates, zone)).ToList(),
            ["family_activities"] = local.FamilyActivities.Select(a => Map(
                ("title", a.Title), ("description", a.DescriptionIn(language)), ("place", a.Place), ("url", a.Url),
                ("ages", a.MinAge == 0 && a.MaxAge >= 99 ? "" : $"{a.MinAge}–{a.MaxAge}"))).ToList(),
            ["services"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kindergarten"] = Services(local, MunicipalServiceKind.Kindergarten, language),
                ["school"] = Services(local, MunicipalServiceKind.School, language),
                ["norwegian_course"] = Services(local, MunicipalServiceKind.NorwegianCourse, language),
                ["other"] = Services(local, MunicipalServiceKind.Other, language),
            },
            ["lunch"] = Map(("date", dates.Date(lunch.Date)), ("start", DateText.Time(lunch.Start)), ("end", DateText.Time(lunch.End))),
        };
    }

    private static Dictionary<string, object> Event(LocalEvent e, DateText dates, DateTimeZone zone) => Map(
        ("title", e.Title), ("when", dates.Span(e, zone)), ("place", e.Place), ("url", e.Url),
        ("municipality", e.Municipality), ("description", e.Description));

    private static List<Dictionary<string, object>> Services(LocalContent local, MunicipalServiceKind kind, string language) =>
        [.. local.ServicesOf(kind).Select(s => Map(("name", s.Name), ("description", s.DescriptionIn(language)), ("url", s.Url)))];

    private static Dictionary<string, object> Map(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (object)TemplateLink.Clean(p.Value), StringComparer.Ordinal);

    private static int MonthOf(string reason) =>
        reason.StartsWith("month-", StringComparison.Ordinal) && int.TryParse(reason.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
}
