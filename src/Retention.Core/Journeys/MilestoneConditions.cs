namespace Retention.Core.Journeys;

/// <summary>When a milestone applies. All set flags must hold.</summary>
[Flags]
public enum MilestoneConditions
{
    None = 0,

    /// <summary>A partner or at least one child comes along.</summary>
    HasPartnerOrChildren = 1,

    /// <summary>A child aged 0–5 (kindergarten, barnehage).</summary>
    HasChildUnder6 = 2,

    /// <summary>A child aged 6–15 (grunnskole).</summary>
    HasSchoolChild = 4,

    /// <summary>The newcomer agreed to be nudged. Every newcomer nudge needs this anyway; the flag lets others ask for it too.</summary>
    RequiresNewcomerConsent = 8,
}
