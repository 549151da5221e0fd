using Retention.Server;
using Retention.Server.Cli;

// `--demo` is shorthand for Retention:Demo:Enabled=true.
var arguments = args.Select(a => a == "--demo" ? "--Retention:Demo:Enabled=true" : a).ToArray();
var builder = WebApplication.CreateBuilder(arguments);
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

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;
