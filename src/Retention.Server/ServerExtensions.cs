namespace Retention.Server;

/// <summary>The one place where the self-hosted server is composed.</summary>
public static class ServerExtensions
{
    public static IHostApplicationBuilder AddRetentionServer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapRetentionServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health");
        return app;
    }
}
