using NodaTime;
using Retention.Core.Analytics;
using Retention.Core.Enrollments;
using Retention.Http.Query;

namespace Retention.Http.Dashboard;

/// <summary>Parses the dashboard's <c>from</c>/<c>to</c> parameters into a query, or field errors.</summary>
public static class DashboardRequest
{
    public static (DashboardQuery? Query, IReadOnlyList<FieldError> Errors) Parse(string employerId, string? from, string? to, LocalDate today)
    {
        var query = new QueryParameters();
        var fromDate = query.Date("from", from);
        var toDate = query.Date("to", to);
        if (query.Errors.Count > 0)
        {
            return (null, query.Errors);
        }

        var end = toDate ?? today;
        return fromDate > end
            ? (null, [new FieldError("from", "must not be after \"to\"")])
            : (new DashboardQuery { EmployerId = employerId, From = fromDate, To = end }, []);
    }
}
