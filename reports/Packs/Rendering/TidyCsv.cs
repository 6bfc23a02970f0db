using System.Globalization;
using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Csv;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Rendering;

/// <summary>
/// Every figure the pack publishes, one row each, in a tidy CSV: period, grouping, group,
/// comparison, measure, unit, value (a number, or the symbol shown instead), lower, upper, markers
/// ([p], [r]) and flag. The next month's pack reads it back to mark revised figures [r].
/// </summary>
internal static class TidyCsv
{
    public static readonly string[] Headers = ["period", "grouping", "group", "comparison", "measure", "unit", "value", "lower", "upper", "markers", "flag"];

    public static void Write(string path, PublishedFigures figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        CsvFile.Write(path, Headers, Rows(figures), cancellationToken: cancellationToken);
    }

    private static IEnumerable<IReadOnlyList<SheetCell>> Rows(PublishedFigures figures)
    {
        foreach (var (info, cell) in figures.All)
        {
            var id = info.Id;
            var markers = new List<string>();
            if (cell.Figure.HasValue && cell.Figure.Markers.HasFlag(FigureMarkers.Provisional))
            {
                markers.Add("[p]");
            }

            if (cell.Figure.HasValue && cell.Figure.Markers.HasFlag(FigureMarkers.Revised))
            {
                markers.Add("[r]");
            }

            yield return
            [
                SheetCell.Text(id.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                SheetCell.Text(id.Grouping),
                SheetCell.Text(id.Group),
                id.Comparison is null ? SheetCell.Blank : SheetCell.Text(id.Comparison),
                SheetCell.Text(id.Measure),
                SheetCell.Text(FigureFormats.UnitName(info.Unit)),
                Value(cell.Figure),
                cell.Lower is { } lower ? Value(lower) : SheetCell.Blank,
                cell.Upper is { } upper ? Value(upper) : SheetCell.Blank,
                markers.Count == 0 ? SheetCell.Blank : SheetCell.Text(string.Join(' ', markers)),
                cell.Figure.HasValue && info.Flag is { } flag ? SheetCell.Text(flag) : SheetCell.Blank,
            ];
        }
    }

    /// <summary>The published value with exactly its published decimals, or the symbol.</summary>
    private static SheetCell Value(PublishedFigure figure) => figure.Value is decimal value
        ? SheetCell.Number((double)value)
        : figure.Symbol is DisclosureSymbol symbol ? SheetCell.Symbol(PublishedFigure.SymbolText(symbol)) : SheetCell.Blank;
}
