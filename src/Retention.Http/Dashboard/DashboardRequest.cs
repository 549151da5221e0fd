using NodaTime;
using NodaTime.Text;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;

namespace Retention.Http.Dashboard;

/// <summary>Parses the dashboard's <c>from</c>/<c>to</c> parameters into a query, or field errors.</summary>
public static class DashboardRequest
{
    public static (DashboardQuery? Query, IReadOnlyList<FieldError> Errors) Parse(string employerId, string? from, string? to, LocalDate today)
    {
        var errors = new List<FieldError>();
        var fromDate = Date(from, "from", errors);
        var toDate = Date(to, "to", errors) ?? today;
        if (fromDate > toDate)
        {
            errors.Add(new FieldError("from", "must not be after \"to\""));
        }

        return errors.Count > 0 ? (null, errors) : (new DashboardQuery { EmployerId = employerId, From = fromDate, To = toDate }, []);
    }

    private static LocalDate? Date(string? text, string field, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(new FieldError(field, "must be a date in the form YYYY-MM-DD"));
            return null;
        }

        return parsed.Value;
    }
}
