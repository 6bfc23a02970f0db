using System.Globalization;
using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// The pack's figures after disclosure control, by identity. Every output – sheets, CSVs, the tidy
/// file, charts, briefings – reads figures from here and nowhere else, so none can show a number
/// the disclosure stage did not release.
/// </summary>
internal sealed class PublishedFigures
{
    private readonly Dictionary<CellKey, PublishedCell> _cells = [];
    private readonly FigureBook _book;

    public PublishedFigures(FigureBook book, DisclosureResult result)
    {
        _book = book;
        Options = result.Options;
        foreach (var cell in result.Tables.SelectMany(t => t.Cells))
        {
            _cells.TryAdd(cell.Id, cell);
        }

        foreach (var info in book.Figures)
        {
            var cell = _cells[info.Id.Key];
            switch (cell.Reason?.Rule)
            {
                case null or SuppressionRule.RoundsToZero:
                    Published++;
                    break;
                case SuppressionRule.SmallCount:
                    PrimarySuppressed++;
                    break;
                case SuppressionRule.LowReliability:
                    LowReliability++;
                    break;
                case SuppressionRule.NotApplicable or SuppressionRule.NotAvailable:
                    break;
                default:
                    SecondarySuppressed++;
                    break;
            }
        }
    }

    public DisclosureOptions Options { get; }

    public int Published { get; }

    public int PrimarySuppressed { get; }

    public int SecondarySuppressed { get; }

    public int LowReliability { get; }

    /// <summary>Every figure shown, in the order it first appears, with what is published for it.</summary>
    public IEnumerable<(FigureInfo Info, PublishedCell Cell)> All => _book.Figures.Select(f => (f, _cells[f.Id.Key]));

    /// <summary>Why each hidden figure is hidden, one line each ("key: [c] – reason"), for diagnostics and the run log.</summary>
    public IEnumerable<string> Explanations() => All
        .Where(f => f.Cell.Reason is not null)
        .Select(f => $"{f.Info.Id.Key}: {f.Cell.Figure} ({f.Cell.Reason!.Rule}) {f.Cell.Reason.Detail}");

    public bool Has(CellKey key) => _book.IsShown(key);

    public FigureInfo Info(CellKey key) => _book.Info(key);

    public PublishedCell Cell(CellKey key) => _cells.TryGetValue(key, out var cell) && _book.IsShown(key)
        ? cell
        : throw new KeyNotFoundException($"'{key}' is not a figure of this pack: every figure an output shows must be declared in a pack table.");

    /// <summary>The value, a bound, or the symbol shown in its place; a bound of a figure without an interval has neither.</summary>
    public PublishedFigure Figure(CellKey key, FigurePart part = FigurePart.Value)
    {
        var cell = Cell(key);
        return part switch
        {
            FigurePart.Lower => cell.Lower ?? default,
            FigurePart.Upper => cell.Upper ?? default,
            _ => cell.Figure,
        };
    }

    /// <summary>The value in the figure's own unit (a percentage as 12.3), or null when a symbol is shown.</summary>
    public double? Value(CellKey key, FigurePart part = FigurePart.Value) => Figure(key, part).Value is decimal v ? (double)v : null;

    /// <summary>The symbol shown instead of the value ("[c]"), or null when the value is shown.</summary>
    public string? Symbol(CellKey key) => Figure(key).Symbol is DisclosureSymbol s ? PublishedFigure.SymbolText(s) : null;

    /// <summary>The flag that goes with a figure, only when the figure's value is shown.</summary>
    public string? Flag(CellKey key) => Value(key) is null ? null : Info(key).Flag;

    public FigureMarkers Markers(CellKey key) => Cell(key).Figure.Markers;

    /// <summary>As running text reads it: "1,234", "68.4%", "0.45", "12.5 per 10,000", or the symbol.</summary>
    public string Text(CellKey key, FigurePart part = FigurePart.Value)
    {
        var figure = Figure(key, part);
        if (figure.Value is not decimal value)
        {
            return figure.Symbol is DisclosureSymbol symbol ? PublishedFigure.SymbolText(symbol) : "[x]";
        }

        var number = value.ToString((Info(key).Unit == FigureUnit.Count ? "N" : "F") + figure.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Info(key).Unit switch
        {
            FigureUnit.Percent => number + "%",
            FigureUnit.Per10000 => number + " per 10,000",
            FigureUnit.WorkingDays => number + " working days",
            _ => number,
        };
    }
}
