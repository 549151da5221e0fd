namespace Retention.Core.Enrollments;

/// <summary>The size limits of an enrolment's fields.</summary>
public static class EnrollmentLimits
{
    public const int ExternalIdMaxLength = 64;
    public const int NameMaxLength = 200;

    /// <summary>RFC 5321 path limit.</summary>
    public const int EmailMaxLength = 254;
    public const int MunicipalityMaxLength = 100;
    public const int InterestsMaxCount = 20;
    public const int InterestMaxLength = 60;
    public const int ChildrenMaxCount = 12;
    public const int ChildMinAge = 0;
    public const int ChildMaxAge = 25;

    /// <summary>Arrival no further ahead than this …</summary>
    public const int ArrivalMaxMonthsAhead = 18;

    /// <summary>… and no further back.</summary>
    public const int ArrivalMaxMonthsBack = 24;
}
