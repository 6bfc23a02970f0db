namespace Warehouse.Reports.Packs.Data;

/// <summary>A caller agency (<c>dim.agency</c>).</summary>
internal sealed record AgencyInfo(string Code, string Name, string Sector);
