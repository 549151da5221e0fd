using MimeKit;

namespace Retention.Server.Outbox;

/// <summary><c>/outbox</c>: demo mode only, lists the .eml files of the pickup directory.</summary>
public static class OutboxEndpoints
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapOutbox(this IEndpointRouteBuilder app, string pickupDirectory)
    {
        app.MapGet("/outbox", () =>
        {
            var files = Directory.Exists(pickupDirectory)
                ? new DirectoryInfo(pickupDirectory).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(MaxListed).ToList()
                : [];
            var messages = files.Select(f => (f.Name, MimeMessage.Load(f.FullName))).ToList();
            try
            {
                return Results.Content(OutboxPage.List(messages), "text/html; charset=utf-8");
            }
            finally
            {
                messages.ForEach(m => m.Item2.Dispose());
            }
        }).ExcludeFromDescription();

        app.MapGet("/outbox/{file}", (string file) =>
        {
            // Only a plain file name of the pickup directory: no path may escape it.
            if (file != Path.GetFileName(file) || !file.EndsWith(".eml", StringComparison.Ordinal))
            {
                return Results.NotFound();
            }

            var path = Path.Combine(pickupDirectory, file);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            using var message = MimeMessage.Load(path);
            return Results.Content(OutboxPage.Show(message), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
