namespace Retention.Core.Journeys;

/// <summary>
/// A journey as data: the milestones an enrolment goes through. The default ships as the embedded resource
/// <c>Journeys/default-journey.json</c>; an employer can load its own with <see cref="Parse"/>.
/// </summary>
/// <remarks>
/// JSON: <c>{ "name": "…", "milestones": [ … ] }</c>; each milestone has <c>kind</c> (kebab-case), <c>audience</c>
/// (<c>newcomer|ildsjel|hr</c>), <c>anchor</c> (<c>arrival|start|calendar</c>), <c>reason</c> (required unless
/// calendar), <c>moment</c> (calendar only, see <see cref="Calendar.SeasonalMomentKinds"/>), at most one of
/// <c>offsetDays</c>, <c>offsetWorkingDays</c>, <c>atMonths</c> (a list, or <c>"checkInMonths"</c>), optional
/// <c>conditions</c> (<c>hasPartnerOrChildren</c>, <c>hasChildUnder6</c>, <c>hasSchoolChild</c>,
/// <c>requiresNewcomerConsent</c>) and <c>escalate</c> (ildsjel only). Unknown properties are errors.
/// </remarks>
public sealed class JourneyDefinition
{
    private const string DefaultResource = "Retention.Core.Journeys.default-journey.json";
    private static readonly Lazy<JourneyDefinition> LazyDefault = new(LoadDefault);

    internal JourneyDefinition(string name, IReadOnlyList<Milestone> milestones)
    {
        Name = name;
        Milestones = milestones;
    }

    /// <summary>The journey every employer gets unless it overrides it.</summary>
    public static JourneyDefinition Default => LazyDefault.Value;

    public string Name { get; }

    public IReadOnlyList<Milestone> Milestones { get; }

    /// <summary>Reads a definition from JSON; throws <see cref="JourneyDefinitionException"/> listing every problem.</summary>
    public static JourneyDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JourneyDefinitionReader.Read(json);
    }

    private static JourneyDefinition LoadDefault()
    {
        using var stream = typeof(JourneyDefinition).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
