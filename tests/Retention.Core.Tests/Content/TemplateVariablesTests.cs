using System.Collections;
using System.Text.RegularExpressions;
using NodaTime;
using Retention.Core.Content;
using Retention.Core.Journeys;

namespace Retention.Core.Tests.Content;

/// <summary>
/// Liquid prints nothing for a misspelt variable, so every variable and filter a shipped template uses is checked
/// against the model the renderer really builds (with one item in every list, so item fields can be checked too).
/// </summary>
public sealed partial class TemplateVariablesTests
{
    private static readonly HashSet<string> KnownFilters = ["link", "mailto", "upcase", "downcase", "capitalize", "append", "prepend", "default", "size", "join", "strip", "escape"];
    private static readonly HashSet<string> Keywords = ["and", "or", "contains", "in", "limit", "offset", "reversed", "empty", "blank", "nil", "null", "true", "false", "forloop", "else"];

    public static TheoryData<string> Templates() => new(TemplateCatalog.Default.Templates.Select(t => Name(t)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_variable_and_filter_a_template_uses_exists(string name)
    {
        var template = TemplateCatalog.Default.Templates.Single(t => Name(t) == name);

        var problems = Problems(template);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void The_check_itself_catches_a_misspelt_variable_and_an_unknown_filter()
    {
        var catalog = TemplateCatalog.Default.WithOverrides([KeyValuePair.Create("en/newcomer/probe.liquid",
            "subject: {{ newcomer.name }}\n---\n{{ newcomer.nmae }} {% for e in events %}{{ e.titel | shout }}{% endfor %}")]);

        var problems = Problems(catalog.Templates.Single(t => t.Kind == "probe"));

        Assert.Equal(["'newcomer.nmae' is not in the model", "'e.titel' is not in the model", "unknown filter 'shout'"], problems);
    }

    private static List<string> Problems(NudgeTemplate template)
    {
        var model = Model();
        var loops = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (Match tag in Tag().Matches(template.Source))
        {
            if (tag.Groups["output"].Success)
            {
                var segments = tag.Groups["output"].Value.Split('|');
                Check(segments[0]);
                foreach (var filter in segments.Skip(1))
                {
                    var colon = filter.IndexOf(':', StringComparison.Ordinal);
                    var filterName = (colon < 0 ? filter : filter[..colon]).Trim();
                    if (!KnownFilters.Contains(filterName))
                    {
                        problems.Add($"unknown filter '{filterName}'");
                    }

                    if (colon >= 0)
                    {
                        Check(filter[(colon + 1)..]);
                    }
                }
            }
            else
            {
                var keyword = tag.Groups["tag"].Value;
                var rest = tag.Groups["rest"].Value;
                if (keyword == "for")
                {
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    loops[parts[0]] = parts[2];
                    Check(parts[2]);
                }
                else if (keyword is "if" or "elsif" or "unless" or "case" or "when")
                {
                    Check(rest);
                }
            }
        }

        return problems;

        void Check(string expression)
        {
            foreach (Match path in Identifier().Matches(StringLiteral().Replace(expression, "")))
            {
                if (!Keywords.Contains(path.Value) && Resolve(path.Value) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        string? Resolve(string path)
        {
            var parts = path.Split('.');
            object? current = loops.TryGetValue(parts[0], out var collection)
                ? (Lookup(model, collection) as IEnumerable)?.Cast<object>().FirstOrDefault()
                : model.GetValueOrDefault(parts[0]);
            if (current is null)
            {
                return $"'{path}' is not in the model";
            }

            foreach (var part in parts.Skip(1))
            {
                current = current switch
                {
                    IDictionary<string, object> map when map.TryGetValue(part, out var value) => value,
                    IEnumerable and not string when part is "size" or "first" or "last" => 0,
                    string when part == "size" => 0,
                    _ => null,
                };
                if (current is null)
                {
                    return $"'{path}' is not in the model";
                }
            }

            return null;
        }
    }

    private static object? Lookup(IReadOnlyDictionary<string, object> model, string path)
    {
        object? current = model;
        foreach (var part in path.Split('.'))
        {
            current = current is IDictionary<string, object> map && map.TryGetValue(part, out var value) ? value
                : current is IReadOnlyDictionary<string, object> ro && ro.TryGetValue(part, out var value2) ? value2
                : null;
        }

        return current;
    }

    private static Dictionary<string, object> Model()
    {
        var now = Instant.FromUtc(2027, 3, 8, 9, 0);
        var local = ContentFixtures.SampleSource().Find("Haugesund", new Interval(now, now + Duration.FromDays(14)));
        Assert.NotEmpty(local.Events);
        Assert.NotEmpty(local.NearbyEvents);
        Assert.NotEmpty(local.FamilyActivities);
        var nudge = ContentFixtures.Nudge("check-in", Audience.Newcomer, new LocalDateTime(2027, 3, 8, 10, 0), "month-1");
        var dates = new DateText(TemplateCatalog.Default.StringsFor("en"));
        return TemplateModel.Build(ContentFixtures.Enrollment(), nudge, local, "en", dates, ContentFixtures.Oslo, now, WelcomeLunchSlot.For(nudge, now, ContentFixtures.Oslo));
    }

    private static string Name(NudgeTemplate t) => $"{t.Language}/{t.Audience.ToString().ToLowerInvariant()}/{t.Kind}";

    [GeneratedRegex(@"\{\{-?(?<output>.*?)-?\}\}|\{%-?\s*(?<tag>\w+)(?<rest>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex Identifier();
}
