namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// The reliability tests run one after another, never beside each other: each starts the real
/// program or the real scheduler and judges where a process has got to by watching it, which two
/// such tests sharing the machine's cores would blur. They share one loaded warehouse, copied per test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilitySuite : ICollectionFixture<LoadedWarehouse>
{
    public const string Name = "Reliability";
}
