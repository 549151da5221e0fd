using DotLiquid;

namespace Retention.Core.Content;

/// <summary>The filters templates may use besides Liquid's standard ones (registered once, process-wide, by the catalog).</summary>
public static class TemplateFilters
{
    /// <summary>
    /// <c>{{ url | link: "text" }}</c> leaves a marker; <see cref="LightMarkup"/> turns it into an escaped
    /// <c>&lt;a href&gt;</c> or "text (url)" once the whole body is rendered.
    /// </summary>
    public static string Link(Context context, object? input, object? text = null)
    {
        // Thread-safe templates ignore per-render registers, so the render's link list travels as a variable.
        var links = context.Environments.Select(e => e[TemplateLink.AmbientKey]).OfType<List<TemplateLink>>().First();
        var url = Convert.ToString(input, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var label = Convert.ToString(text, System.Globalization.CultureInfo.InvariantCulture);
        links.Add(new TemplateLink(string.IsNullOrEmpty(label) ? url : label, url));
        return TemplateLink.Marker(links.Count - 1);
    }

    /// <summary><c>{{ person.email | mailto }}</c>: a mail link showing the address.</summary>
    public static string Mailto(Context context, object? input)
    {
        var address = Convert.ToString(input, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return Link(context, "mailto:" + address, address);
    }
}
