using System.Globalization;

namespace Retention.Core.Enrollments;

/// <summary>The rules for family, interests and consent.</summary>
internal sealed partial class FieldChecks
{
    public Family? Family(FamilyDraft? draft)
    {
        if (draft is null)
        {
            return Enrollments.Family.None;
        }

        var ages = draft.ChildrenAges ?? [];
        var ok = true;
        if (ages.Count > EnrollmentLimits.ChildrenMaxCount)
        {
            Add("family.childrenAges", string.Create(CultureInfo.InvariantCulture, $"at most {EnrollmentLimits.ChildrenMaxCount} children"));
            ok = false;
        }

        for (var i = 0; i < ages.Count; i++)
        {
            if (ages[i] is < EnrollmentLimits.ChildMinAge or > EnrollmentLimits.ChildMaxAge)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"family.childrenAges[{i}]"),
                    string.Create(CultureInfo.InvariantCulture, $"must be an age from {EnrollmentLimits.ChildMinAge} to {EnrollmentLimits.ChildMaxAge}"));
                ok = false;
            }
        }

        return ok ? new Family(draft.Partner ?? false, [.. ages]) : null;
    }

    public IReadOnlyList<string>? Interests(IReadOnlyList<string>? draft)
    {
        if (draft is null)
        {
            return [];
        }

        var ok = true;
        if (draft.Count > EnrollmentLimits.InterestsMaxCount)
        {
            Add("interests", string.Create(CultureInfo.InvariantCulture, $"at most {EnrollmentLimits.InterestsMaxCount} interests"));
            ok = false;
        }

        var interests = new List<string>(draft.Count);
        for (var i = 0; i < draft.Count; i++)
        {
            var interest = Text(string.Create(CultureInfo.InvariantCulture, $"interests[{i}]"), draft[i], EnrollmentLimits.InterestMaxLength, required: true);
            if (interest is null)
            {
                ok = false;
            }
            else
            {
                interests.Add(interest);
            }
        }

        return ok ? interests : null;
    }

    public Consent? Consent(ConsentDraft? draft)
    {
        if (draft is null)
        {
            Add("consent", "is required");
            return null;
        }

        if (draft.NewcomerNudges is not { } nudges)
        {
            Add("consent.newcomerNudges", "is required: say whether the newcomer agreed to receive nudges");
            return null;
        }

        return new Consent(nudges);
    }
}
