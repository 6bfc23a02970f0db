namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// One table of a pack as the reader sees it: one sheet of the workbook, one CSV file. Its figures
/// are references into the pack's published figures, so the same number reads the same everywhere.
/// </summary>
/// <param name="Id">The disclosure table id and the CSV file name (e.g. "03-agreement-locality").</param>
/// <param name="SheetName">The tab name (at most 31 characters).</param>
/// <param name="TableName">The Excel table name.</param>
/// <param name="Title">The title in A1; says what and which month.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The rows, each as wide as the columns.</param>
internal sealed record PackTable(
    string Id,
    string SheetName,
    string TableName,
    string Title,
    IReadOnlyList<PackColumn> Columns,
    IReadOnlyList<IReadOnlyList<PackValue>> Rows)
{
    /// <summary>Lines under the title: the month covered, the source, anything the reader needs first.</summary>
    public IReadOnlyList<string> Description { get; init; } = [];

    /// <summary>A chart-data table: hidden figures are blank cells (gaps), with the symbols in a notes column.</summary>
    public bool ChartData { get; init; }

    /// <summary>Native charts drawn from this table (chart-data tables only).</summary>
    public IReadOnlyList<PackChart> Charts { get; init; } = [];
}
