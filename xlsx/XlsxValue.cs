using System.Globalization;

namespace Warehouse.Xlsx;

/// <summary>
/// One cell value as stored in a workbook. A formula cell yields its cached result (the reader
/// never evaluates); a formula with no cached result is blank, or <see cref="XlsxValueKind.UncalculatedFormula"/>
/// when <see cref="XlsxReaderOptions.ReportUncalculatedFormulas"/> asks.
/// </summary>
public readonly record struct XlsxValue
{
    private XlsxValue(XlsxValueKind kind, string? text, double number, DateTime date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public XlsxValueKind Kind { get; }

    /// <summary>The text of a text cell, or the error code (e.g. <c>#N/A</c>) of an error cell.</summary>
    public string? Text { get; }

    /// <summary>The number of a number or date cell (for a date, its serial number); 1 or 0 for a boolean.</summary>
    public double Number { get; }

    /// <summary>The date and time of a date cell.</summary>
    public DateTime Date { get; }

    public bool IsBlank => Kind == XlsxValueKind.Blank;

    public bool Boolean => Kind == XlsxValueKind.Boolean && Number != 0;

    public static XlsxValue Blank => default;

    public static XlsxValue FromText(string text) => new(XlsxValueKind.Text, text, 0, default);

    public static XlsxValue FromNumber(double number) => new(XlsxValueKind.Number, null, number, default);

    public static XlsxValue FromBoolean(bool value) => new(XlsxValueKind.Boolean, null, value ? 1 : 0, default);

    public static XlsxValue FromDate(double serial, DateTime date) => new(XlsxValueKind.Date, null, serial, date);

    public static XlsxValue FromError(string code) => new(XlsxValueKind.Error, code, 0, default);

    public static XlsxValue FromUncalculatedFormula(string formula) => new(XlsxValueKind.UncalculatedFormula, formula, 0, default);

    /// <summary>Invariant text: numbers round-trip, dates are ISO 8601.</summary>
    public override string ToString() => Kind switch
    {
        XlsxValueKind.Blank => string.Empty,
        XlsxValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        XlsxValueKind.Boolean => Boolean ? "TRUE" : "FALSE",
        XlsxValueKind.Date => Date.TimeOfDay == TimeSpan.Zero
            ? Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        XlsxValueKind.UncalculatedFormula => "=" + Text,
        _ => Text ?? string.Empty,
    };
}
