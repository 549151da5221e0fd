using System.Globalization;
using System.Text.Json.Nodes;
using Retention.Core.Dispatch;
using Retention.Core.Journeys;

namespace Retention.Server.Tests.EndToEnd;

/// <summary>The crash test's enrolments, server settings and clients.</summary>
internal static class CrashBacklog
{
    /// <summary>The idempotency key of each message the nudges make up: one per enrolment, message key and audience.</summary>
    public static HashSet<string> MessageKeys(IEnumerable<Nudge> nudges) => nudges
        .GroupBy(n => (n.EnrollmentId, n.MessageKey, n.Audience))
        .Select(g => MessageIdempotencyKey.For(CrashRecoveryTests.Employer, g.ToList()))
        .ToHashSet(StringComparer.Ordinal);

    public static HttpClient Client(ServerProcess server, string key)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static Dictionary<string, string> With(Dictionary<string, string> settings, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string>(settings);
        foreach (var (key, value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>Newcomer <paramref name="i"/>: own addresses, arrival spread over the coming weeks, children (more nudges).</summary>
    public static JsonObject Enrollment(int i)
    {
        var arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(35 + i);
        var body = ApiRequests.ValidEnrollment(string.Create(CultureInfo.InvariantCulture, $"HR-CRASH-{i:D3}"));
        body["newcomer"]!["email"] = string.Create(CultureInfo.InvariantCulture, $"newcomer{i:D3}@example.com");
        body["ildsjel"]!["email"] = string.Create(CultureInfo.InvariantCulture, $"ildsjel{i:D3}@example.no");
        body["arrivalDate"] = arrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["startDate"] = arrival.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return body;
    }
}
