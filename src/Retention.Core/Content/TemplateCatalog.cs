using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Retention.Core.Journeys;

namespace Retention.Core.Content;

/// <summary>
/// All templates, parsed once. Files are laid out as <c>{language}/{audience}/{kind}.liquid</c> plus
/// <c>{language}/strings.json</c>; the shipped set is embedded (<c>Content/Templates</c>), and an employer or
/// region can lay its own files over it with <see cref="WithOverrides"/>. A kind missing in a language falls
/// back to <see cref="FallbackLanguage"/>, and the resolution says so.
/// </summary>
public sealed class TemplateCatalog
{
    public const string FallbackLanguage = "en";
    private const string ResourcePrefix = "Retention.Core.Content.Templates/";

    private static readonly Lazy<TemplateCatalog> Shipped = new(() => LoadEmbedded());

    private readonly FrozenDictionary<string, NudgeTemplate> _templates;
    private readonly FrozenDictionary<string, LanguageStrings> _strings;
    private readonly FrozenDictionary<string, string> _files;

    private TemplateCatalog(IReadOnlyDictionary<string, string> files)
    {
        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        var templates = new Dictionary<string, NudgeTemplate>(StringComparer.Ordinal);
        var strings = new Dictionary<string, LanguageStrings>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            var parts = path.Split('/');
            if (parts is [var language, "strings.json"])
            {
                strings[language] = ReadStrings(path, text);
            }
            else if (parts is [var lang, var audienceName, var file] && file.EndsWith(".liquid", StringComparison.Ordinal)
                     && Enum.TryParse<Audience>(audienceName, ignoreCase: true, out var audience))
            {
                var kind = file[..^".liquid".Length];
                templates[Key(lang, audience, kind)] = TemplateFile.Parse(path, kind, audience, lang, text);
            }
            else
            {
                throw new InvalidDataException($"Template file '{path}' is not {{language}}/{{newcomer|ildsjel|hr}}/{{kind}}.liquid or {{language}}/strings.json.");
            }
        }

        if (!strings.ContainsKey(FallbackLanguage))
        {
            throw new InvalidDataException($"The catalog has no {FallbackLanguage}/strings.json.");
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shipped templates, loaded on first use.</summary>
    public static TemplateCatalog Default => Shipped.Value;

    /// <summary>Languages with strings (and so with at least the fallback templates).</summary>
    public IReadOnlyCollection<string> Languages => _strings.Keys;

    public IEnumerable<NudgeTemplate> Templates => _templates.Values;

    private static JsonSerializerOptions StringsJson { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectRequiredConstructorParameters = true,
    };

    public static TemplateCatalog LoadEmbedded()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => ReadResource(assembly, n), StringComparer.Ordinal);
        return new TemplateCatalog(files);
    }

    /// <summary>A catalog with <paramref name="files"/> (relative path → text, same layout) replacing or adding to these.</summary>
    public TemplateCatalog WithOverrides(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var merged = new Dictionary<string, string>(_files, StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            merged[path.Replace('\\', '/').TrimStart('/')] = text;
        }

        return new TemplateCatalog(merged);
    }

    /// <summary>A catalog with every <c>*.liquid</c> and <c>strings.json</c> under <paramref name="directory"/> laid over these.</summary>
    public TemplateCatalog WithOverridesFromDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".liquid", StringComparison.Ordinal) || Path.GetFileName(f) == "strings.json")
            .Select(f => KeyValuePair.Create(Path.GetRelativePath(directory, f), File.ReadAllText(f)));
        return WithOverrides(files);
    }

    /// <summary>The supported language closest to <paramref name="language"/>: exact, then its primary subtag, then <see cref="FallbackLanguage"/>.</summary>
    public string NormalizeLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return FallbackLanguage;
        }

        var lower = language.Trim().ToLowerInvariant();
        var primary = lower.Split('-', '_')[0];
        return _strings.ContainsKey(lower) ? lower
            : _strings.ContainsKey(primary) ? primary
            : primary is "no" or "nn" && _strings.ContainsKey("nb") ? "nb"
            : FallbackLanguage;
    }

    public LanguageStrings StringsFor(string language) =>
        _strings.TryGetValue(NormalizeLanguage(language), out var s) ? s : _strings[FallbackLanguage];

    /// <exception cref="KeyNotFoundException">No template for the kind and audience, not even in the fallback language.</exception>
    public TemplateResolution Resolve(string kind, Audience audience, string language)
    {
        var requested = NormalizeLanguage(language);
        if (_templates.TryGetValue(Key(requested, audience, kind), out var template)
            || _templates.TryGetValue(Key(FallbackLanguage, audience, kind), out template))
        {
            return new TemplateResolution(template, requested);
        }

        throw new KeyNotFoundException($"No template for nudge kind '{kind}' and audience {audience} (neither '{requested}' nor '{FallbackLanguage}').");
    }

    private static LanguageStrings ReadStrings(string path, string text)
    {
        try
        {
            var strings = JsonSerializer.Deserialize<LanguageStrings>(text, StringsJson) ?? throw new InvalidDataException($"{path} is empty.");
            return strings.Weekdays.Count == 7 && strings.Months.Count == 12
                ? strings
                : throw new InvalidDataException($"{path} needs 7 weekdays (Monday first) and 12 months.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid: {ex.Message}", ex);
        }
    }

    private static string Key(string language, Audience audience, string kind) =>
        string.Concat(language, "/", audience.ToString().ToLowerInvariant(), "/", kind);

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
