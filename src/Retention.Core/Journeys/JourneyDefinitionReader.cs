using System.Text.Json;
using System.Text.RegularExpressions;
using Retention.Core.Calendar;

namespace Retention.Core.Journeys;

/// <summary>Reads the JSON form of a <see cref="JourneyDefinition"/>, collecting every problem before failing.</summary>
internal static partial class JourneyDefinitionReader
{
    private const string CheckInMonths = "checkInMonths";

    private static readonly HashSet<string> MilestoneProperties =
    [
        "kind", "audience", "reason", "anchor", "moment", "offsetDays", "offsetWorkingDays", "atMonths", "conditions", "escalate",
    ];

    public static JourneyDefinition Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new JourneyDefinitionException($"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JourneyDefinitionException(["$: must be an object with \"name\" and \"milestones\""]);
            }

            var name = "custom";
            var milestones = new List<Milestone>();
            var seen = new HashSet<(string, Audience, string)>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "name" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0:
                        name = property.Value.GetString()!;
                        break;
                    case "name":
                        problems.Add("name: must be a non-empty string");
                        break;
                    case "milestones" when property.Value.ValueKind == JsonValueKind.Array:
                        var index = 0;
                        foreach (var element in property.Value.EnumerateArray())
                        {
                            var milestone = ReadMilestone(element, $"milestones[{index++}]", problems);
                            if (milestone is not null && !seen.Add((milestone.Kind, milestone.Audience, milestone.Reason)))
                            {
                                problems.Add($"milestones[{index - 1}]: duplicate of an earlier milestone (same kind, audience and reason)");
                            }
                            else if (milestone is not null)
                            {
                                milestones.Add(milestone);
                            }
                        }

                        break;
                    case "milestones":
                        problems.Add("milestones: must be an array");
                        break;
                    default:
                        problems.Add($"{property.Name}: unknown property");
                        break;
                }
            }

            if (!root.TryGetProperty("milestones", out _))
            {
                problems.Add("milestones: required");
            }

            return problems.Count > 0 ? throw new JourneyDefinitionException(problems) : new JourneyDefinition(name, milestones);
        }
    }

    private static Milestone? ReadMilestone(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: must be an object");
            return null;
        }

        var before = problems.Count;
        foreach (var property in element.EnumerateObject())
        {
            if (!MilestoneProperties.Contains(property.Name))
            {
                problems.Add($"{path}.{property.Name}: unknown property");
            }
        }

        var kind = String(element, "kind", path, problems, required: true);
        if (kind is not null && !KebabCase().IsMatch(kind))
        {
            problems.Add($"{path}.kind: must be kebab-case (e.g. welcome-lunch)");
        }

        var audience = Enum<Audience>(element, "audience", path, problems);
        var anchor = Enum<MilestoneAnchor>(element, "anchor", path, problems);
        var moment = String(element, "moment", path, problems, required: anchor == MilestoneAnchor.Calendar);
        if (moment is not null && anchor != MilestoneAnchor.Calendar)
        {
            problems.Add($"{path}.moment: only for anchor \"calendar\"");
        }
        else if (moment is not null && !SeasonalMomentKinds.All.Contains(moment, StringComparer.Ordinal))
        {
            problems.Add($"{path}.moment: unknown seasonal moment \"{moment}\" (known: {string.Join(", ", SeasonalMomentKinds.All)})");
        }

        var reason = String(element, "reason", path, problems, required: anchor != MilestoneAnchor.Calendar) ?? moment;
        var offsetDays = Int(element, "offsetDays", path, problems);
        var offsetWorkingDays = Int(element, "offsetWorkingDays", path, problems);
        var (months, atCheckInMonths) = Months(element, path, problems);
        var offsets = (offsetDays is null ? 0 : 1) + (offsetWorkingDays is null ? 0 : 1) + (months is null && !atCheckInMonths ? 0 : 1);
        if (offsets > 1)
        {
            problems.Add($"{path}: give at most one of offsetDays, offsetWorkingDays, atMonths");
        }

        if ((months is not null || atCheckInMonths) && anchor == MilestoneAnchor.Calendar)
        {
            problems.Add($"{path}.atMonths: not allowed with anchor \"calendar\"");
        }

        var conditions = Conditions(element, path, problems);
        var escalate = element.TryGetProperty("escalate", out var e) && e.ValueKind == JsonValueKind.True;
        if (element.TryGetProperty("escalate", out e) && e.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"{path}.escalate: must be true or false");
        }
        else if (escalate && audience != Audience.Ildsjel)
        {
            problems.Add($"{path}.escalate: only ildsjel milestones escalate");
        }

        if (problems.Count > before || kind is null || reason is null || audience is null || anchor is null)
        {
            return null;
        }

        return new Milestone
        {
            Kind = kind,
            Audience = audience.Value,
            Reason = reason,
            Anchor = anchor.Value,
            Moment = moment,
            OffsetDays = offsetDays ?? 0,
            OffsetWorkingDays = offsetWorkingDays ?? 0,
            AtMonths = months,
            AtCheckInMonths = atCheckInMonths,
            Conditions = conditions,
            Escalate = escalate,
        };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
