namespace Warehouse.Reports.Excel;

/// <summary>
/// Where a chart's data sits on its sheet and what the cells hold (written into the chart as its
/// cache, so viewers that do not recalculate still draw it).
/// </summary>
/// <param name="SheetName">The sheet holding the table.</param>
/// <param name="HeaderRow">The table's header row (series names).</param>
/// <param name="FirstDataRow">First data row.</param>
/// <param name="LastDataRow">Last data row.</param>
/// <param name="Columns">The table's columns.</param>
/// <param name="Cells">The data cells of every column a chart uses, by column index.</param>
internal sealed record ChartSeriesData(
    string SheetName,
    int HeaderRow,
    int FirstDataRow,
    int LastDataRow,
    IReadOnlyList<SheetColumn> Columns,
    IReadOnlyDictionary<int, IReadOnlyList<SheetCell>> Cells);
