namespace Warehouse.Reports.Excel;

/// <summary>The native chart types the writer produces.</summary>
internal enum ExcelChartKind
{
    /// <summary>Horizontal bars, first category at the top (long category labels read well).</summary>
    Bar,

    /// <summary>Vertical columns.</summary>
    Column,

    /// <summary>Lines with markers; a blank cell is a gap.</summary>
    Line,
}
