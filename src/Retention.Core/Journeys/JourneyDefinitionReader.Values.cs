using System.Text.Json;

namespace Retention.Core.Journeys;

/// <summary>Reading single values and the list-valued milestone properties (<c>atMonths</c>, <c>conditions</c>).</summary>
internal static partial class JourneyDefinitionReader
{
    private static (IReadOnlyList<int>? Months, bool AtCheckInMonths) Months(JsonElement element, string path, List<string> problems)
    {
        if (!element.TryGetProperty("atMonths", out var value))
        {
            return (null, false);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() == CheckInMonths)
        {
            return (null, true);
        }

        var months = new List<int>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out var month) || month is < 0 or > 120)
                {
                    problems.Add($"{path}.atMonths: each month must be a whole number 0–120");
                    return (null, false);
                }

                months.Add(month);
            }
        }

        if (months.Count == 0 || months.Distinct().Count() != months.Count)
        {
            problems.Add($"{path}.atMonths: must be \"{CheckInMonths}\" or a non-empty list of distinct months");
            return (null, false);
        }

        return (months, false);
    }

    private static MilestoneConditions Conditions(JsonElement element, string path, List<string> problems)
    {
        if (!element.TryGetProperty("conditions", out var value))
        {
            return MilestoneConditions.None;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.conditions: must be an array of condition names");
            return MilestoneConditions.None;
        }

        var conditions = MilestoneConditions.None;
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is not null && text.Length > 0 && char.IsLower(text[0]) && !int.TryParse(text, out _)
                && System.Enum.TryParse<MilestoneConditions>(text, ignoreCase: true, out var condition) && condition != MilestoneConditions.None
                && !text.Contains(',', StringComparison.Ordinal))
            {
                conditions |= condition;
            }
            else
            {
                problems.Add($"{path}.conditions: unknown condition {item.GetRawText()} (known: hasPartnerOrChildren, hasChildUnder6, hasSchoolChild, requiresNewcomerConsent)");
            }
        }

        return conditions;
    }

    private static string? String(JsonElement element, string name, string path, List<string> problems, bool required)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                problems.Add($"{path}.{name}: required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            problems.Add($"{path}.{name}: must be a non-empty string");
            return null;
        }

        return value.GetString();
    }

    private static T? Enum<T>(JsonElement element, string name, string path, List<string> problems)
        where T : struct, Enum
    {
        var text = String(element, name, path, problems, required: true);
        if (text is null)
        {
            return null;
        }

        if (System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        problems.Add($"{path}.{name}: \"{text}\" is not one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    private static int? Int(JsonElement element, string name, string path, List<string> problems)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && Math.Abs(number) <= 3660)
        {
            return number;
        }

        problems.Add($"{path}.{name}: must be a whole number between -3660 and 3660");
        return null;
    }
}
