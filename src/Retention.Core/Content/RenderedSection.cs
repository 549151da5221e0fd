using System.Collections;
using System.Globalization;
using DotLiquid;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>One nudge's part of a message: its subject and its body as HTML and as plain text.</summary>
internal sealed record RenderedSection(Nudge Nudge, NudgeTemplate Template, string Subject, string Html, string Text)
{
    static RenderedSection()
    {
        // Thread-safe DotLiquid templates only see globally registered filters.
        DotLiquid.Template.RegisterFilter(typeof(TemplateFilters));
    }

    public static RenderedSection Render(Nudge nudge, NudgeTemplate template, IReadOnlyDictionary<string, object> model)
    {
        var variables = ToHash(model);
        var subjectSource = Run(template.Subject, variables);
        var subject = string.Join(' ', LightMarkup.ToText(subjectSource, []).Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var links = new List<TemplateLink>();
        variables[TemplateLink.AmbientKey] = links;
        var source = Run(template.Body, variables);
        return new RenderedSection(nudge, template, subject, LightMarkup.ToHtml(source, links), LightMarkup.ToText(source, links));
    }

    // Values stay raw here (Liquid does not escape by default); LightMarkup escapes the whole text once for HTML.
    private static string Run(DotLiquid.Template template, Hash variables) =>
        template.Render(new RenderParameters(CultureInfo.InvariantCulture)
        {
            LocalVariables = variables,
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,

            // Employer overrides are data, not code: a runaway loop must not hold up dispatch.
            MaxIterations = 1000,
            Timeout = 2000,
        });

    private static Hash ToHash(IEnumerable<KeyValuePair<string, object>> values)
    {
        var hash = new Hash();
        foreach (var (key, value) in values)
        {
            hash[key] = Convert(value);
        }

        return hash;
    }

    private static object Convert(object value) => value switch
    {
        IDictionary<string, object> map => ToHash(map),
        string or bool or int => value,
        IEnumerable list => list.Cast<object>().Select(Convert).ToList(),
        _ => value,
    };
}
