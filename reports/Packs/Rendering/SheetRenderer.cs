using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Rendering;

/// <summary>
/// Turns a pack table into a sheet of typed cells (the same cells go to the .xlsx and the .csv):
/// published values as numbers in their format, symbols as symbols, labels as text that can never
/// become a formula. Markers ([p], [r]) go into a notes column, so every value cell stays a number.
/// In a chart-data table a hidden figure is a blank cell (a gap in the chart), with its symbol in
/// the notes column.
/// </summary>
internal static class SheetRenderer
{
    public static TableSheet Render(PackTable table, PublishedFigures figures)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        var rows = table.Rows.Select(row => Row(table, row, figures)).ToList();
        bool notes = rows.Any(r => r.Notes.Length > 0);
        var columns = table.Columns.Select(c => new SheetColumn(c.Header, FigureFormats.Of(c.Kind))).ToList();
        if (notes)
        {
            columns.Add(SheetColumn.Text("Notes"));
        }

        var cells = rows.Select(r => notes ? [.. r.Cells, SheetCell.Text(r.Notes)] : (IReadOnlyList<SheetCell>)r.Cells).ToList();
        var description = table.Description.Prepend("This worksheet contains one table. Symbols: [c] confidential, [u] low reliability, [x] not available, [z] not applicable, [low] rounds to zero, [p] provisional, [r] revised (see the Notes sheet).").ToList();
        return new TableSheet(table.SheetName, table.Title, table.TableName, columns, cells)
        {
            Description = description,
            Charts = table.Charts.Select(c => new ExcelChart(c.Kind, c.Title, c.AltText, c.CategoryColumn, c.ValueColumns)
            {
                ValueAxisTitle = c.ValueAxisTitle,
                CategoryAxisTitle = c.CategoryAxisTitle,
                WidthInColumns = 10,
                HeightInRows = 22,
            }).ToList(),
        };
    }

    private static (SheetCell[] Cells, string Notes) Row(PackTable table, IReadOnlyList<PackValue> row, PublishedFigures figures)
    {
        if (row.Count != table.Columns.Count)
        {
            throw new InvalidOperationException($"Table '{table.Id}' has a row of {row.Count} cells for {table.Columns.Count} columns.");
        }

        var cells = new SheetCell[row.Count];
        var provisional = false;
        var revised = new List<string>();
        var gaps = new List<string>();
        for (int i = 0; i < row.Count; i++)
        {
            cells[i] = row[i] switch
            {
                TextValue text => SheetCell.Text(text.Text),
                SymbolValue symbol => SheetCell.Symbol(symbol.Symbol),
                ReferenceValue reference => SheetCell.Number(Math.Round(reference.Value, reference.Decimals, MidpointRounding.AwayFromZero), FigureFormats.Of(reference.Unit)),
                FlagValue flag => Flag(flag, figures),
                FigureValue figure => Figure(table, figure, figures, table.Columns[i].Header, gaps),
                _ => throw new InvalidOperationException($"Unknown pack value {row[i].GetType().Name}."),
            };
            if (row[i] is FigureValue { Part: FigurePart.Value } value && figures.Value(value.Key) is not null)
            {
                var markers = figures.Markers(value.Key);
                provisional |= markers.HasFlag(FigureMarkers.Provisional);
                if (markers.HasFlag(FigureMarkers.Revised))
                {
                    revised.Add(table.Columns[i].Header);
                }
            }
        }

        var notes = new List<string>();
        if (provisional)
        {
            notes.Add("[p] provisional");
        }

        if (revised.Count > 0)
        {
            notes.Add("[r] revised: " + string.Join(", ", revised));
        }

        if (gaps.Count > 0)
        {
            notes.Add("Not shown: " + string.Join(", ", gaps));
        }

        return (cells, string.Join("; ", notes));
    }

    /// <summary>A flag says something about the value, so a hidden value hides its flag too.</summary>
    private static SheetCell Flag(FlagValue flag, PublishedFigures figures) =>
        figures.Symbol(flag.Key) is { } hidden ? SheetCell.Symbol(hidden)
        : figures.Flag(flag.Key) is { } text ? SheetCell.Text(text)
        : SheetCell.NotApplicable;

    private static SheetCell Figure(PackTable table, FigureValue value, PublishedFigures figures, string header, List<string> gaps)
    {
        var info = figures.Info(value.Key);
        var figure = figures.Figure(value.Key, value.Part);
        if (figure.Value is decimal number)
        {
            return SheetCell.Number((double)number, FigureFormats.Of(info.Unit));
        }

        // A bound of a figure that has no interval: not available.
        var symbol = figure.Symbol is DisclosureSymbol s ? PublishedFigure.SymbolText(s) : "[x]";
        if (table.ChartData)
        {
            gaps.Add($"{header} {symbol}");
            return SheetCell.Blank;
        }

        return SheetCell.Symbol(symbol);
    }
}
