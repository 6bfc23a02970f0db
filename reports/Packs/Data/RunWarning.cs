namespace Warehouse.Reports.Packs.Data;

/// <summary>A condition the run recorded (<c>analytics.run_warnings</c>).</summary>
internal sealed record RunWarning(string Code, string Message, long Count);
