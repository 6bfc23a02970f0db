namespace Warehouse.Synthetic.Tests.TestSupport;

[CollectionDefinition(Name)]
public sealed class GeneratedRunGroup : ICollectionFixture<GeneratedRun>
{
    public const string Name = "generated run";
}
