namespace Warehouse.Reports.Excel;

/// <summary>One column of a table sheet.</summary>
/// <param name="Header">The header text; unique within the table (Excel table column names are).</param>
/// <param name="Format">How numbers in the column are shown.</param>
internal sealed record SheetColumn(string Header, NumberFormat Format)
{
    /// <summary>Width in characters; estimated from the header and the first rows when not given.</summary>
    public double? Width { get; init; }

    /// <summary>An input column (audit workbooks): its cells stay unlocked when the sheet is protected.</summary>
    public bool IsInput { get; init; }

    /// <summary>A drop-down list of allowed values for the column's data cells.</summary>
    public DropDownList? DropDown { get; init; }

    public static SheetColumn Text(string header) => new(header, NumberFormat.Text);

    public static SheetColumn Integer(string header) => new(header, NumberFormat.Integer);

    public static SheetColumn Percent(string header) => new(header, NumberFormat.Percent1);

    public static SheetColumn Decimal3(string header) => new(header, NumberFormat.Decimal3);

    public static SheetColumn Date(string header) => new(header, NumberFormat.Date);
}
