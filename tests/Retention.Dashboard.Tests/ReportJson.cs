using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Retention.Core.Analytics;

namespace Retention.Dashboard.Tests;

/// <summary>The report as the API serialises it: camelCase, NodaTime ISO dates.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static string Serialize(DashboardReport report) => JsonSerializer.Serialize(report, Options);
}
