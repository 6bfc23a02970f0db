namespace Warehouse.Reports.Excel;

/// <summary>What a <see cref="SheetCell"/> holds; decides how it is written.</summary>
internal enum CellKind
{
    /// <summary>No value: an empty cell (a gap in a chart, an empty input cell).</summary>
    Blank,

    /// <summary>A finite number, written as an Excel number.</summary>
    Number,

    /// <summary>Text, always written as a string cell: it can never become a formula.</summary>
    Text,

    /// <summary>A GSS symbol such as <c>[c]</c> or <c>[z]</c>: text, right-aligned like the numbers around it.</summary>
    Symbol,

    /// <summary>A calendar date, written as an Excel serial number with a date format.</summary>
    Date,

    /// <summary>Text that links to cell A1 of another sheet in the same workbook.</summary>
    Link,
}
