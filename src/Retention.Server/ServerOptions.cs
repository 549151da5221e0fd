namespace Retention.Server;

/// <summary>The server's own settings (section <c>Retention</c>); the adapters bind their own sub-sections.</summary>
public static class ServerOptions
{
    public const string DataDirectory = "Retention:DataDirectory";
    public const string PublicBaseUrl = "Retention:PublicBaseUrl";
    public const string StorageProvider = "Retention:Storage:Provider";
    public const string DispatchEnabled = "Retention:Dispatch:Enabled";
    public const string ClockOffset = "Retention:Clock:Offset";

    /// <summary>Serves the Prometheus scrape endpoint <c>/metrics</c>; off by default, since it tells anyone who can reach it how busy the product is.</summary>
    public const string MetricsPrometheus = "Retention:Metrics:Prometheus";
}
