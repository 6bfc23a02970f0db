namespace Warehouse.Reports.Excel;

/// <summary>
/// A sheet of plain rows under the title: a cover sheet, or notes that are not a table. Each line
/// is one cell in column A (text, or a link to another sheet).
/// </summary>
internal sealed record TextSheet(string Name, string Title, IReadOnlyList<SheetCell> Lines) : SheetModel(Name, Title)
{
    /// <summary>Width of column A in characters.</summary>
    public double ColumnWidth { get; init; } = 100;
}
