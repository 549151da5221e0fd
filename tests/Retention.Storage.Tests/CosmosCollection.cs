namespace Retention.Storage.Tests;

/// <summary>The Cosmos test classes share one server (or one database on a real account).</summary>
[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosStoreFixture>
{
    public const string Name = "Cosmos";
}
