namespace Warehouse.Reports.Packs.Data;

/// <summary>The span the loaded Annex A returns cover (<c>ops.annex_a_returns</c>).</summary>
internal sealed record AnnexCoverage(DateOnly? Start, DateOnly? End, long Returns);
