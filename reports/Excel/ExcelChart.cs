namespace Warehouse.Reports.Excel;

/// <summary>
/// A native Excel chart bound to visible cells of its table: categories from one column, one series
/// per value column. Blank cells are drawn as gaps (<c>dispBlanksAs gap</c>), never as zero.
/// </summary>
/// <param name="Kind">Bar, column or line.</param>
/// <param name="Title">The chart title, stating the finding.</param>
/// <param name="AltText">Alternative text for screen readers (the drawing's description).</param>
/// <param name="CategoryColumn">Index of the column holding the categories (text, numbers or dates).</param>
/// <param name="ValueColumns">Indexes of the numeric columns to plot, one series each.</param>
internal sealed record ExcelChart(
    ExcelChartKind Kind,
    string Title,
    string AltText,
    int CategoryColumn,
    IReadOnlyList<int> ValueColumns)
{
    /// <summary>Value axis title.</summary>
    public string? ValueAxisTitle { get; init; }

    /// <summary>Category axis title.</summary>
    public string? CategoryAxisTitle { get; init; }

    /// <summary>Size in columns and rows of the sheet's grid.</summary>
    public int WidthInColumns { get; init; } = 10;

    public int HeightInRows { get; init; } = 20;
}
