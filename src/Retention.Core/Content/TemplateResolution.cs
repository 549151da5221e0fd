namespace Retention.Core.Content;

/// <summary>The template found for a request; <see cref="IsFallback"/> when it is not in the requested language.</summary>
public sealed record TemplateResolution(NudgeTemplate Template, string RequestedLanguage)
{
    public bool IsFallback => !string.Equals(Template.Language, RequestedLanguage, StringComparison.Ordinal);
}
