using Retention.Server;
using Retention.Server.Cli;

if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

// `--demo` is shorthand for Retention:Demo:Enabled=true.
var arguments = args.Select(a => a == "--demo" ? "--Retention:Demo:Enabled=true" : a).ToArray();
try
{
    var builder = WebApplication.CreateBuilder(arguments);

    // The host logs a failed start with its stack trace; the one line below says it instead.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    builder.AddRetentionServer();

    var app = builder.Build();
    if (KeysCommand.Matches(arguments))
    {
        if (app.Services.GetService<Retention.Storage.Sqlite.SqliteDatabase>() is { } sqlite)
        {
            await sqlite.MigrateAsync(CancellationToken.None);
        }

        return await KeysCommand.RunAsync(arguments, app.Services, Console.Out, Console.Error);
    }

    app.MapRetentionServer();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } line)
{
    await Console.Error.WriteLineAsync(line);
    return StartupFailure.ExitCode;
}

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
