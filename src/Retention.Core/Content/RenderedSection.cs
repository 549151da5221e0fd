using System.Collections;
using System.Globalization;
using DotLiquid;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>One nudge's part of a message: its subject and its body as HTML and as plain text.</summary>
internal sealed record RenderedSection(Nudge Nudge, NudgeTemplate Template, string Subject, string Html, string Text)
{
    private static readonly Type[] Filters = [typeof(TemplateFilters)];

    public static RenderedSection Render(Nudge nudge, NudgeTemplate template, IReadOnlyDictionary<string, object> model)
    {
        var variables = ToHash(model);
        var subjectSource = Run(template.Subject, variables, []);
        var subject = string.Join(' ', LightMarkup.ToText(subjectSource, []).Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        var links = new List<TemplateLink>();
        var source = Run(template.Body, variables, links);
        return new RenderedSection(nudge, template, subject, LightMarkup.ToHtml(source, links), LightMarkup.ToText(source, links));
    }

    // Values stay raw here (Liquid does not escape by default); LightMarkup escapes the whole text once for HTML.
    private static string Run(Template template, Hash variables, List<TemplateLink> links) =>
        template.Render(new RenderParameters(CultureInfo.InvariantCulture)
        {
            LocalVariables = variables,
            Filters = Filters,
            Registers = Hash.FromDictionary(new Dictionary<string, object> { [TemplateLink.AmbientKey] = links }),
            ErrorsOutputMode = ErrorsOutputMode.Rethrow,
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
