using Retention.Core.Access;

namespace Retention.Server.Cli;

/// <summary>
/// <c>keys create --employer acme</c> or <c>keys create --region haugalandet</c>: creates an API key for the employer
/// (or for the region's curators) and prints it once. Runs against the configured store (the same data directory as
/// the server) and exits.
/// </summary>
public static class KeysCommand
{
    public static bool Matches(string[] args) => args.Length >= 1 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var employer = Option(args, "--employer");
        var region = Option(args, "--region");
        if (args.Length < 2 || args[1] != "create" || (employer is null) == (region is null))
        {
            await error.WriteLineAsync("usage: keys create --employer <employer-id> | keys create --region <region-id>");
            return 2;
        }

        var keys = services.GetRequiredService<ApiKeyService>();
        if (employer is not null)
        {
            if (!EmployerIds.IsValid(employer))
            {
                await error.WriteLineAsync($"keys: \"{employer}\" is not a valid employer id: {EmployerIds.Rule}");
                return 2;
            }

            await output.WriteLineAsync($"API key for employer {employer} (shown once; store it safely):");
            await output.WriteLineAsync(await keys.CreateAsync(employer, CancellationToken.None));
            return 0;
        }

        if (!RegionIds.IsValid(region))
        {
            await error.WriteLineAsync($"keys: \"{region}\" is not a valid region id: {RegionIds.Rule}");
            return 2;
        }

        await output.WriteLineAsync($"API key for region {region} (shown once; store it safely; it writes only this region's content):");
        await output.WriteLineAsync(await keys.CreateForRegionAsync(region!, CancellationToken.None));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
