namespace Warehouse.Synthetic.AnnexA;

/// <summary>What one month's Annex A return wrote.</summary>
/// <param name="Files">The workbook, or the list CSVs.</param>
/// <param name="RowsPerList">Data rows per list (index 1–7).</param>
/// <param name="CoverageStart">The earliest event date in Lists 1–5 (day number), or -1.</param>
/// <param name="CoverageEnd">The latest, or -1.</param>
internal sealed record ReturnResult(IReadOnlyList<GeneratedFile> Files, long[] RowsPerList, int CoverageStart, int CoverageEnd);
