namespace Warehouse.Xlsx;

/// <summary>What a cell read from a workbook holds.</summary>
public enum XlsxValueKind
{
    Blank,
    Text,
    Number,
    Boolean,

    /// <summary>A number whose format shows it as a date; <see cref="XlsxValue.Date"/> holds it.</summary>
    Date,

    /// <summary>An error such as <c>#N/A</c>; <see cref="XlsxValue.Text"/> holds it.</summary>
    Error,

    /// <summary>
    /// A formula whose result was never saved (a workbook written by a program, not by Excel);
    /// <see cref="XlsxValue.Text"/> holds the formula. Only when <see cref="XlsxReaderOptions.ReportUncalculatedFormulas"/> asks.
    /// </summary>
    UncalculatedFormula,
}
