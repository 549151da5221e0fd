namespace Retention.Core.Diagnostics;

/// <summary>
/// Why a nudge was skipped at send time, as a metric tag: a handful of fixed words, where
/// <see cref="Journeys.Nudge.StatusReason"/> says it in words that may name a municipality or a status.
/// </summary>
public static class SkipCategories
{
    public const string EnrollmentNotFound = "enrolment-not-found";
    public const string NotActive = "not-active";
    public const string Erased = "erased";
    public const string NoConsent = "no-consent";
    public const string NoHrContact = "no-hr-contact";
    public const string Unsubscribed = "unsubscribed";
    public const string FollowUpEnded = "follow-up-ended";
    public const string NoLocalContent = "no-local-content";
}
