namespace Warehouse.Reports.Packs.Data;

/// <summary>A locality of the partnership (<c>dim.locality</c>).</summary>
internal sealed record LocalityInfo(string Code, string Name, string Area, long? Population);
