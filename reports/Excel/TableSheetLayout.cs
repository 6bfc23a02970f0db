namespace Warehouse.Reports.Excel;

/// <summary>Where a table sheet's parts ended up, for the table, drawing and chart parts written after it.</summary>
/// <param name="HeaderRow">One-based header row.</param>
/// <param name="FirstDataRow">First data row.</param>
/// <param name="LastDataRow">Last data row (equal to the first when the table had no rows and got one blank row).</param>
/// <param name="ChartCells">The cells of every column a chart uses, by column index.</param>
internal sealed record TableSheetLayout(int HeaderRow, int FirstDataRow, int LastDataRow, IReadOnlyDictionary<int, IReadOnlyList<SheetCell>> ChartCells);
