using DotLiquid;

namespace Retention.Core.Content;

/// <summary>The filters templates may use besides Liquid's standard ones.</summary>
internal static class TemplateFilters
{
    /// <summary>
    /// <c>{{ url | link: "text" }}</c> leaves a marker; <see cref="LightMarkup"/> turns it into an escaped
    /// <c>&lt;a href&gt;</c> or "text (url)" once the whole body is rendered.
    /// </summary>
    public static string Link(Context context, object? input, object? text = null)
    {
        var links = (List<TemplateLink>)context.Registers[TemplateLink.AmbientKey];
        var url = Convert.ToString(input, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var label = Convert.ToString(text, System.Globalization.CultureInfo.InvariantCulture);
        links.Add(new TemplateLink(string.IsNullOrEmpty(label) ? url : label, url));
        return TemplateLink.Marker(links.Count - 1);
    }
}
