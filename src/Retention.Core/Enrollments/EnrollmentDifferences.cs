using System.Globalization;

namespace Retention.Core.Enrollments;

/// <summary>
/// Which of the details a caller gives (people, dates, municipality, family, interests, consent) differ between two
/// enrolments, named as the API's fields: a second request with an enrolled external id is a replay only when none do.
/// </summary>
public static class EnrollmentDifferences
{
    public static IReadOnlyList<string> Between(Enrollment stored, Enrollment requested)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(requested);
        var fields = new List<string>();
        void Compare<T>(string field, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                fields.Add(field);
            }
        }

        Compare("newcomer.name", stored.Newcomer.Name, requested.Newcomer.Name);
        Compare("newcomer.email", stored.Newcomer.Email, requested.Newcomer.Email);
        Compare("newcomer.language", stored.Newcomer.Language, requested.Newcomer.Language);
        Compare("newcomer.timeZone", stored.Newcomer.TimeZone, requested.Newcomer.TimeZone);
        Compare("ildsjel.name", stored.Ildsjel.Name, requested.Ildsjel.Name);
        Compare("ildsjel.email", stored.Ildsjel.Email, requested.Ildsjel.Email);
        Compare("ildsjel.language", stored.Ildsjel.Language, requested.Ildsjel.Language);
        Compare("hrContact", stored.HrContact, requested.HrContact);
        Compare("arrivalDate", stored.ArrivalDate, requested.ArrivalDate);
        Compare("startDate", stored.StartDate, requested.StartDate);
        Compare("municipality", stored.Municipality, requested.Municipality);
        Compare("family.partner", stored.Family.Partner, requested.Family.Partner);
        Compare("family.childrenAges", Joined(stored.Family.ChildrenAges), Joined(requested.Family.ChildrenAges));
        Compare("interests", string.Join('\n', stored.Interests), string.Join('\n', requested.Interests));
        Compare("consent.newcomerNudges", stored.Consent.NewcomerNudges, requested.Consent.NewcomerNudges);
        return fields;
    }

    private static string Joined(IReadOnlyList<int> ages) => string.Join(',', ages.Select(a => a.ToString(CultureInfo.InvariantCulture)));
}
