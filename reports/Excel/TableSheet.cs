namespace Warehouse.Reports.Excel;

/// <summary>
/// A sheet holding one table, laid out as the Analysis Function's "Releasing statistics in
/// spreadsheets" asks: title in A1, description lines below it, then a single header row and the
/// data as an Excel table, with no blank rows or columns inside it and the header row frozen.
/// </summary>
/// <param name="Name">The tab name.</param>
/// <param name="Title">The title in A1.</param>
/// <param name="TableName">The Excel table's name: letters, digits and underscores, starting with a letter; unique in the workbook.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The data rows, each as wide as <paramref name="Columns"/>. Enumerated once per output (xlsx, csv) while it is written, so it can stream from a query; a query-backed sequence must be re-runnable when the table goes to two outputs.</param>
internal sealed record TableSheet(
    string Name,
    string Title,
    string TableName,
    IReadOnlyList<SheetColumn> Columns,
    IEnumerable<IReadOnlyList<SheetCell>> Rows) : SheetModel(Name, Title)
{
    /// <summary>Filter buttons on the header row.</summary>
    public bool AutoFilter { get; init; } = true;

    /// <summary>Native Excel charts drawn from this table's columns, placed to the right of the table.</summary>
    public IReadOnlyList<ExcelChart> Charts { get; init; } = [];

    /// <summary>
    /// Protect the sheet (audit workbooks): every cell is locked except the input columns. Uses the
    /// workbook's <see cref="WorkbookModel.ProtectionPassword"/> when there is one.
    /// </summary>
    public bool Protect { get; init; }
}
