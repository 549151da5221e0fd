namespace Retention.Core.Content;

/// <summary>A link a template asked for; the rendered source holds only a private-use marker in its place.</summary>
internal sealed record TemplateLink(string Text, string Url)
{
    public const string AmbientKey = "retention_links";
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    public static string Marker(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Open}{index}{Close}");

    /// <summary>Values from people and curators must not be able to forge a marker.</summary>
    public static string Clean(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Replace(Open.ToString(), "", StringComparison.Ordinal).Replace(Close.ToString(), "", StringComparison.Ordinal);
}
