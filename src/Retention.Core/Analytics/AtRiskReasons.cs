namespace Retention.Core.Analytics;

/// <summary>The reasons a newcomer is listed as at risk (kebab-case, as in the JSON and CSV).</summary>
public static class AtRiskReasons
{
    public const string LowBelonging = "low-belonging";
    public const string LowIntentToStay = "low-intent-to-stay";
    public const string FallingBelonging = "falling-belonging";
    public const string FallingIntentToStay = "falling-intent-to-stay";
    public const string IldsjelSilent = "ildsjel-silent";
}
