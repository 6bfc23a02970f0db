namespace Warehouse.App.Tests.Security;

/// <summary>The test classes that read the one <see cref="SecurityRun"/> (it takes a while: it is run once).</summary>
[CollectionDefinition(Name)]
public sealed class SecurityRunDefinition : ICollectionFixture<SecurityRun>
{
    public const string Name = "Security run";
}
