using Retention.Core.Access;

namespace Retention.Server.Cli;

/// <summary>
/// <c>keys create --employer acme</c>: creates an API key for the employer and prints it once. Runs against the
/// configured store (the same data directory as the server) and exits.
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
        if (args.Length < 2 || args[1] != "create" || employer is null)
        {
            await error.WriteLineAsync("usage: keys create --employer <employer-id>");
            return 2;
        }

        if (!EmployerIds.IsValid(employer))
        {
            await error.WriteLineAsync($"keys: \"{employer}\" is not a valid employer id: {EmployerIds.Rule}");
            return 2;
        }

        var key = await services.GetRequiredService<ApiKeyService>().CreateAsync(employer, CancellationToken.None);
        await output.WriteLineAsync($"API key for employer {employer} (shown once; store it safely):");
        await output.WriteLineAsync(key);
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
