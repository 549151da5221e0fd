using DotLiquid;
using DotLiquid.Exceptions;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// Parses one template file: header lines <c>key: value</c> (<c>subject</c> required, <c>actions</c>, and
/// <c>label.done</c> etc.), a line <c>---</c>, then the Liquid body in the light markup of <see cref="LightMarkup"/>.
/// </summary>
internal static class TemplateFile
{
    private static readonly string[] KnownActions = ["done", "snooze", "dismiss", "checkin"];

    public static NudgeTemplate Parse(string name, string kind, Audience audience, string language, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var separator = Array.IndexOf(lines, "---");
        if (separator < 0)
        {
            throw new InvalidDataException($"Template {name}: no '---' line between the header and the body.");
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines[..separator].Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"Template {name}: header line '{line}' is not 'key: value'.");
            }

            header[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        if (!header.TryGetValue("subject", out var subject) || subject.Length == 0)
        {
            throw new InvalidDataException($"Template {name}: the header has no subject.");
        }

        var actions = header.TryGetValue("actions", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var unknown = actions.Except(KnownActions, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"Template {name}: unknown action(s) {string.Join(", ", unknown)}.");
        }

        var labels = header.Where(h => h.Key.StartsWith("label.", StringComparison.Ordinal))
            .ToDictionary(h => h.Key["label.".Length..], h => h.Value, StringComparer.Ordinal);
        var body = string.Join('\n', lines[(separator + 1)..]);
        return new NudgeTemplate(kind, audience, language, Compile(name, "subject", subject), Compile(name, "body", body), actions, labels, text);
    }

    private static Template Compile(string name, string part, string source)
    {
        try
        {
            var template = Template.Parse(source, SyntaxCompatibility.DotLiquid22a);

            // Renders then keep their variables to themselves: one parsed template serves every thread.
            template.MakeThreadSafe();
            return template;
        }
        catch (SyntaxException ex)
        {
            throw new InvalidDataException($"Template {name} ({part}) does not parse: {ex.Message}", ex);
        }
    }
}
