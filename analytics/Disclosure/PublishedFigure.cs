using System.Globalization;
using System.Text;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// What a reader sees in one place: a value (rounded for rates and statistics, exact for counts) or a
/// symbol, and any markers on the value.
/// </summary>
/// <param name="Value">The publishable number; null when a symbol is shown.</param>
/// <param name="Decimals">Decimal places the value is shown with (0 for counts).</param>
/// <param name="Symbol">The symbol shown instead of a value; null when a value is shown.</param>
/// <param name="Markers">[p] and [r], only ever on a value.</param>
internal readonly record struct PublishedFigure(decimal? Value, int Decimals, DisclosureSymbol? Symbol, FigureMarkers Markers)
{
    public bool HasValue => Value.HasValue;

    public static PublishedFigure Of(decimal value, int decimals) => new(value, decimals, null, FigureMarkers.None);

    public static PublishedFigure Shown(DisclosureSymbol symbol) => new(null, 0, symbol, FigureMarkers.None);

    public static string SymbolText(DisclosureSymbol symbol) => symbol switch
    {
        DisclosureSymbol.Confidential => "[c]",
        DisclosureSymbol.LowReliability => "[u]",
        DisclosureSymbol.NotApplicable => "[z]",
        DisclosureSymbol.NotAvailable => "[x]",
        DisclosureSymbol.RoundsToZero => "[low]",
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, null),
    };

    /// <summary>Invariant text: "1234", "96.0", "12 [p]", "[c]".</summary>
    public override string ToString()
    {
        if (Value is not decimal value)
        {
            return Symbol is DisclosureSymbol symbol ? SymbolText(symbol) : string.Empty;
        }

        var text = new StringBuilder(value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        if (Markers.HasFlag(FigureMarkers.Provisional))
        {
            text.Append(" [p]");
        }

        if (Markers.HasFlag(FigureMarkers.Revised))
        {
            text.Append(" [r]");
        }

        return text.ToString();
    }
}
