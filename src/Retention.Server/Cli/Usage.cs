namespace Retention.Server.Cli;

/// <summary>What <c>--help</c> prints.</summary>
public static class Usage
{
    public const string Text = """
        Retention server

        usage:
          dotnet run --project src/Retention.Server [-- options]        run the service (API, links, dashboard, dispatcher)
          dotnet run --project src/Retention.Server -- --demo           demo mode: a demo employer, newcomers, a fast clock
          dotnet run --project src/Retention.Server -- keys create --employer <employer-id>
          dotnet run --project src/Retention.Server -- keys create --region <region-id>

        options (any setting, as --Section:Key=value or environment variables Section__Key):
          --urls http://localhost:5080             where to listen
          --environment Production|Development     the host environment
          --Retention:DataDirectory=<path>         SQLite file, pickup folder, keys (default ./data)
          --Retention:Storage:Provider=Sqlite|Cosmos
          --Retention:Email:Provider=Pickup|Smtp   (Smtp: --Retention:Email:Smtp:Host=… :Port=… :Security=…)
          --help                                   this text

        The README lists every setting.
        """;
}
