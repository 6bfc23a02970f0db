using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// A native Excel chart drawn from a chart-data table: every hidden figure is a blank cell there,
/// drawn as a gap, never a <c>[c]</c> text cell.
/// </summary>
/// <param name="Kind">Bar, column or line.</param>
/// <param name="Title">States the finding.</param>
/// <param name="AltText">For screen readers.</param>
/// <param name="CategoryColumn">The column of category labels.</param>
/// <param name="ValueColumns">The figure columns to plot.</param>
internal sealed record PackChart(ExcelChartKind Kind, string Title, string AltText, int CategoryColumn, IReadOnlyList<int> ValueColumns)
{
    public string? ValueAxisTitle { get; init; }

    public string? CategoryAxisTitle { get; init; }
}
