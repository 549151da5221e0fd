namespace Retention.Core.Application;

/// <summary>Small checks on free text shared by the commands.</summary>
internal static class InputText
{
    public static bool HasControlCharacters(string value) =>
        value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    /// <summary>The fixed reasons in their kebab-case API form (e.g. <c>partner-job</c>).</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
