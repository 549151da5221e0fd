using System.Security.Cryptography;
using NodaTime;
using Retention.Core.Calendar;
using Retention.Core.Enrollments;

namespace Retention.Core.Journeys;

/// <summary>
/// Plans one journey. Reused per thread: it keeps its buffers between plans, so planning allocates little
/// more than the nudges it returns.
/// </summary>
internal sealed partial class JourneyPlanBuilder
{
    private readonly List<PlannedNudge> _items = new(64);
    private readonly RecipientDays[] _days = [new(), new(), new()];
    private readonly byte[] _seed = new byte[NudgeIdentity.SeedLength];
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private PlanningPolicy _policy = null!;
    private Enrollment _enrollment = null!;

    public Nudge[] Build(Enrollment enrollment, CompiledJourney journey, PlanningPolicy policy, Instant now)
    {
        _policy = policy;
        _enrollment = enrollment;
        _items.Clear();
        foreach (var days in _days)
        {
            days.Clear();
        }

        AddMilestones(journey);
        PlaceAll(0, _items.Count);
        DropSeasonalOutsideWindow();
        var reminders = _items.Count;
        AddEscalations(0, reminders, NudgeKinds.IldsjelReminder, Audience.Ildsjel);
        PlaceAll(reminders, _items.Count);
        if (enrollment.HrContact is not null)
        {
            var escalations = _items.Count;
            AddEscalations(reminders, escalations, NudgeKinds.HrEscalation, Audience.Hr);
            PlaceAll(escalations, _items.Count);
        }

        var nudges = Materialize(now);

        // Keep no enrolment (personal data) or nudges alive on the thread between plans.
        _items.Clear();
        _enrollment = null!;
        return nudges;
    }

    private void AddMilestones(CompiledJourney journey)
    {
        var e = _enrollment;
        var family = e.Family;
        var hasChildUnder6 = false;
        var hasSchoolChild = false;
        foreach (var age in family.ChildrenAges)
        {
            hasChildUnder6 |= age is >= 0 and <= 5;
            hasSchoolChild |= age is >= 6 and <= 15;
        }

        var consent = e.Consent.NewcomerNudges;
        foreach (var step in journey.Steps)
        {
            var m = step.Milestone;
            var c = m.Conditions;
            if ((m.Audience == Audience.Newcomer && !consent)
                || (m.Audience == Audience.Hr && e.HrContact is null)
                || ((c & MilestoneConditions.RequiresNewcomerConsent) != 0 && !consent)
                || ((c & MilestoneConditions.HasPartnerOrChildren) != 0 && !family.Any)
                || ((c & MilestoneConditions.HasChildUnder6) != 0 && !hasChildUnder6)
                || ((c & MilestoneConditions.HasSchoolChild) != 0 && !hasSchoolChild))
            {
                continue;
            }

            switch (m.Anchor)
            {
                case MilestoneAnchor.Calendar:
                    AddSeasonal(step);
                    break;
                case var anchor:
                    var from = anchor == MilestoneAnchor.Arrival ? e.ArrivalDate : e.StartDate;
                    if (step.Months.Length > 0)
                    {
                        for (var i = 0; i < step.Months.Length; i++)
                        {
                            Add(step, step.MonthReasons[i], from.PlusMonths(step.Months[i]), seasonal: false);
                        }
                    }
                    else
                    {
                        var target = m.OffsetWorkingDays != 0 ? NorwegianCalendar.AddWorkingDays(from, m.OffsetWorkingDays) : from.PlusDays(m.OffsetDays);
                        Add(step, m.Reason, target, seasonal: false);
                    }

                    break;
            }
        }
    }

    private void AddSeasonal(CompiledStep step)
    {
        var windowStart = WindowStart;
        var windowEnd = WindowEnd;
        for (var year = windowStart.Year - 1; year <= windowEnd.Year + 1; year++)
        {
            var target = NorwegianCalendar.SeasonalMoments(year)[step.MomentIndex].Date.PlusDays(step.Milestone.OffsetDays);
            if (target >= windowStart && target <= windowEnd)
            {
                Add(step, step.ReasonForYear(year), target, seasonal: true);
            }
        }
    }

    private void Add(CompiledStep step, string reason, LocalDate target, bool seasonal) =>
        _items.Add(new PlannedNudge
        {
            Kind = step.Milestone.Kind,
            Audience = step.Milestone.Audience,
            Reason = reason,
            Order = step.Order,
            Target = target,
            Seasonal = seasonal,
            Escalate = step.Milestone.Escalate,
            Original = -1,
        });

    private LocalDate WindowStart => _enrollment.ArrivalDate.PlusDays(-_policy.WindowDaysBeforeArrival);

    private LocalDate WindowEnd => _enrollment.StartDate.PlusMonths(_policy.WindowMonthsAfterStart);

    private void DropSeasonalOutsideWindow()
    {
        var windowStart = WindowStart;
        var windowEnd = WindowEnd;
        var items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);
        foreach (ref var item in items)
        {
            // Moving to a working day or a week with room can push a moment past the window's end.
            if (item.Seasonal && (item.Date < windowStart || item.Date > windowEnd))
            {
                item.Dropped = true;
            }
        }
    }
}
