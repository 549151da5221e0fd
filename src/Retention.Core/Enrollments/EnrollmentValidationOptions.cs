using System.ComponentModel.DataAnnotations;

namespace Retention.Core.Enrollments;

/// <summary>The configurable parts of enrolment validation.</summary>
public sealed class EnrollmentValidationOptions
{
    public const string SectionName = "Retention:Enrollment";

    /// <summary>How many days the start date may lie before the arrival date (remote start). 0: not at all.</summary>
    [Range(0, 365)]
    public int StartBeforeArrivalMarginDays { get; set; }

    /// <summary>Languages content exists in; null means <c>nb</c> and <c>en</c>.</summary>
    public string[]? SupportedLanguages { get; set; }

    /// <summary>Used when the ildsjel's language is missing.</summary>
    [Required]
    public string DefaultIldsjelLanguage { get; set; } = "nb";

    /// <summary>Used when the newcomer's language is missing.</summary>
    [Required]
    public string DefaultNewcomerLanguage { get; set; } = "en";

    /// <summary>Used when the newcomer's time zone is missing.</summary>
    [Required]
    public string DefaultNewcomerTimeZone { get; set; } = "Europe/Oslo";
}
