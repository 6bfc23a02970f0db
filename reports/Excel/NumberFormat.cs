namespace Warehouse.Reports.Excel;

/// <summary>
/// An Excel number format code. The named ones are what the packs use; <see cref="Custom"/> is for
/// the rare table that needs another precision.
/// </summary>
internal sealed record NumberFormat
{
    private NumberFormat(string code, uint? builtInId)
    {
        Code = code;
        BuiltInId = builtInId;
    }

    /// <summary>The format code as Excel stores it, e.g. <c>#,##0</c>.</summary>
    public string Code { get; }

    /// <summary>The id of one of Excel's built-in formats, when the code is one of them.</summary>
    public uint? BuiltInId { get; }

    /// <summary>Excel's General format (built-in 0).</summary>
    public static NumberFormat General { get; } = new("General", 0);

    /// <summary>Text (built-in 49, <c>@</c>).</summary>
    public static NumberFormat Text { get; } = new("@", 49);

    /// <summary>Whole numbers with thousands separators: counts are never silently rounded, so only whole numbers belong here.</summary>
    public static NumberFormat Integer { get; } = new("#,##0", null);

    /// <summary>A proportion shown as a percentage to one decimal place (0.1234 shows as 12.3%).</summary>
    public static NumberFormat Percent1 { get; } = new("0.0%", null);

    /// <summary>One decimal place (rates per 10,000).</summary>
    public static NumberFormat Decimal1 { get; } = new("#,##0.0", null);

    /// <summary>Two decimal places.</summary>
    public static NumberFormat Decimal2 { get; } = new("0.00", null);

    /// <summary>Three decimal places (kappa and its interval).</summary>
    public static NumberFormat Decimal3 { get; } = new("0.000", null);

    /// <summary>ISO dates.</summary>
    public static NumberFormat Date { get; } = new("yyyy-mm-dd", null);

    /// <summary>Another format code; Excel's syntax, e.g. <c>0.0000</c>.</summary>
    public static NumberFormat Custom(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return new NumberFormat(code, null);
    }
}
