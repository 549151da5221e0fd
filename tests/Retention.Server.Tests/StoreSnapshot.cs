using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Retention.Core.Storage;

namespace Retention.Server.Tests;

/// <summary>Everything the store holds for the test employers, as one comparable string: "nothing changed" means equal snapshots.</summary>
internal static class StoreSnapshot
{
    public static async Task<string> TakeAsync(IServiceProvider services)
    {
        var enrollments = services.GetRequiredService<IEnrollmentStore>();
        var nudges = services.GetRequiredService<INudgeStore>();
        var events = services.GetRequiredService<IEventStore>();
        var parts = new List<object>();
        foreach (var employer in new[] { RetentionApiFactory.Acme, RetentionApiFactory.Globex })
        {
            string? cursor = null;
            do
            {
                var page = await enrollments.ListAsync(employer, null, cursor, 200, CancellationToken.None);
                foreach (var e in page.Items)
                {
                    parts.Add(e);
                    parts.Add(await nudges.GetJourneyAsync(employer, e.Id, CancellationToken.None));
                    parts.Add(await events.GetCheckInsAsync(employer, e.Id, CancellationToken.None));
                    parts.Add(await events.GetOutcomesAsync(employer, e.Id, CancellationToken.None));
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }

        return JsonSerializer.Serialize(parts, Retention.Http.Json.ApiJson.Options);
    }
}
