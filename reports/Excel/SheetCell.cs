using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Reports.Excel;

/// <summary>
/// One typed value for a report table: the same value goes to .xlsx and .csv. Numbers stay numbers
/// (a negative confidence bound is a number, not text); text from source data stays text and can
/// never become a formula; a missing value is <see cref="Blank"/>, never zero.
/// </summary>
internal readonly partial record struct SheetCell
{
    /// <summary>The longest text an Excel cell holds.</summary>
    public const int MaxTextLength = 32_767;

    private SheetCell(CellKind kind, double number, string? text, DateOnly date, NumberFormat? format)
    {
        Kind = kind;
        NumberValue = number;
        TextValue = text;
        DateValue = date;
        Format = format;
    }

    public CellKind Kind { get; }

    /// <summary>The number of a <see cref="CellKind.Number"/> cell; 0 otherwise.</summary>
    public double NumberValue { get; }

    /// <summary>The text of a text, symbol or link cell; the target sheet is <see cref="LinkTarget"/>.</summary>
    public string? TextValue { get; }

    /// <summary>The date of a <see cref="CellKind.Date"/> cell.</summary>
    public DateOnly DateValue { get; }

    /// <summary>A number format for this cell only, overriding its column's (long-format tables mix measures).</summary>
    public NumberFormat? Format { get; }

    /// <summary>For a link cell, the name of the sheet whose A1 it points to.</summary>
    public string? LinkTarget { get; private init; }

    public static SheetCell Blank => default;

    /// <summary>Statistical disclosure control: a suppressed count (1 to 5) or a figure that would reveal one.</summary>
    public static SheetCell Confidential => new(CellKind.Symbol, 0, "[c]", default, null);

    /// <summary>Low reliability: a statistic on fewer cases than the configured minimum.</summary>
    public static SheetCell LowReliability => new(CellKind.Symbol, 0, "[u]", default, null);

    /// <summary>Not applicable (e.g. kappa when expected agreement is 1).</summary>
    public static SheetCell NotApplicable => new(CellKind.Symbol, 0, "[z]", default, null);

    /// <summary>Not available.</summary>
    public static SheetCell NotAvailable => new(CellKind.Symbol, 0, "[x]", default, null);

    /// <summary>Provisional.</summary>
    public static SheetCell Provisional => new(CellKind.Symbol, 0, "[p]", default, null);

    /// <summary>Revised.</summary>
    public static SheetCell Revised => new(CellKind.Symbol, 0, "[r]", default, null);

    /// <summary>A figure that rounds to zero but is not zero.</summary>
    public static SheetCell Low => new(CellKind.Symbol, 0, "[low]", default, null);

    /// <summary>A finite number. NaN and infinities are refused: publish a symbol such as <see cref="NotApplicable"/> instead.</summary>
    public static SheetCell Number(double value, NumberFormat? format = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A published number must be finite; use a symbol such as [z] or [x] instead.");
        }

        // -0.0 would print as "-0" in some readers.
        return new SheetCell(CellKind.Number, value == 0 ? 0 : value, null, default, format);
    }

    /// <summary>A count or other whole number.</summary>
    public static SheetCell Number(long value, NumberFormat? format = null) => Number((double)value, format);

    /// <summary>A number, or <see cref="Blank"/> when there is none (a gap in a chart range).</summary>
    public static SheetCell NumberOrBlank(double? value, NumberFormat? format = null) =>
        value is { } v ? Number(v, format) : Blank;

    /// <summary>Text, written as a string cell whatever it starts with (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> included).</summary>
    public static SheetCell Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckLength(value);
        return new SheetCell(CellKind.Text, 0, value, default, null);
    }

    /// <summary>A GSS symbol in square brackets, e.g. <c>[c]</c>, <c>[u]</c>, <c>[z]</c>, <c>[x]</c>, <c>[p]</c>.</summary>
    public static SheetCell Symbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!SymbolPattern().IsMatch(symbol))
        {
            throw new ArgumentException($"'{symbol}' is not a symbol: expected lower-case letters in square brackets, such as [c].", nameof(symbol));
        }

        return new SheetCell(CellKind.Symbol, 0, symbol, default, null);
    }

    public static SheetCell Date(DateOnly value)
    {
        if (value < MinimumDate)
        {
            // Excel's serial dates before 1 March 1900 are off by one (the 1900 leap-year bug).
            throw new ArgumentOutOfRangeException(nameof(value), value, "Dates before 1900-03-01 cannot be written as Excel dates.");
        }

        return new SheetCell(CellKind.Date, 0, null, value, null);
    }

    /// <summary>Text that, when clicked, goes to cell A1 of <paramref name="sheetName"/> (a contents sheet).</summary>
    public static SheetCell Link(string text, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sheetName);
        CheckLength(text);
        return new SheetCell(CellKind.Link, 0, text, default, null) { LinkTarget = sheetName };
    }

    /// <summary>The Excel serial number of a date cell (days since 1899-12-30).</summary>
    public double DateSerial => DateValue.DayNumber - ExcelEpoch.DayNumber;

    /// <summary>Invariant-culture text for logs and test failures.</summary>
    public override string ToString() => Kind switch
    {
        CellKind.Blank => "(blank)",
        CellKind.Number => NumberValue.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Date => DateValue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => TextValue ?? string.Empty,
    };

    internal static DateOnly ExcelEpoch { get; } = new(1899, 12, 30);

    private static DateOnly MinimumDate { get; } = new(1900, 3, 1);

    private static void CheckLength(string value)
    {
        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"Text of {value.Length} characters does not fit in an Excel cell (at most {MaxTextLength}).", nameof(value));
        }
    }

    [GeneratedRegex("^\\[[a-z]+\\]$", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolPattern();
}
