namespace Retention.Core.Content;

/// <summary>
/// The words of one language around the templates: greeting, sign-off, action labels, check-in questions,
/// footer and date names. Loaded from <c>Templates/{language}/strings.json</c>; <c>{name}</c>-style
/// placeholders are filled by the renderer.
/// </summary>
public sealed record LanguageStrings
{
    public required string Greeting { get; init; }
    public required string SignOff { get; init; }
    public required string MergedSubject { get; init; }
    public required string Done { get; init; }
    public required string Snooze { get; init; }
    public required string Dismiss { get; init; }
    public required string ActionsIntro { get; init; }
    public required string Belonging { get; init; }
    public required string IntentToStay { get; init; }
    public required string Scale { get; init; }
    public required string Footer { get; init; }
    public required string Unsubscribe { get; init; }
    public required string InvitationSummary { get; init; }
    public required string InvitationDescription { get; init; }
    public required string DateFormat { get; init; }
    public required IReadOnlyList<string> Weekdays { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    public required string And { get; init; }
}
