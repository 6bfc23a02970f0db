namespace Warehouse.Reports.Tests.Packs;

/// <summary>The pack tests share one built month (building it takes a few seconds), read-only.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPack : ICollectionFixture<PackOutput>
{
    public const string Name = "Monthly pack";
}
