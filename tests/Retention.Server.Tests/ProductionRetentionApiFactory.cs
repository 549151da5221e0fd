namespace Retention.Server.Tests;

/// <summary>The same server as <see cref="RetentionApiFactory"/>, run in the Production environment.</summary>
public sealed class ProductionRetentionApiFactory : RetentionApiFactory
{
    public ProductionRetentionApiFactory()
        : base("Production")
    {
    }
}
