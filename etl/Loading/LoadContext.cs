using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Loading;

/// <summary>What every source loader needs: the warehouse, the frameworks, the run and its clock.</summary>
internal sealed record LoadContext(
    DuckDbConnection Connection,
    FrameworkCatalog Frameworks,
    LoadOptions Options,
    string RunId,
    DateTimeOffset Now)
{
    /// <summary>Today in the partnership's time (England): dates in the future are refused against it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, London).DateTime);

    /// <summary>The level engine's DuckDB function for each framework version, by name, registered once per load.</summary>
    public Dictionary<Framework, string> EngineFunctions { get; } = [];

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
