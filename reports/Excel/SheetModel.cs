namespace Warehouse.Reports.Excel;

/// <summary>A sheet of a workbook: a table sheet or a text sheet (cover, notes, contents).</summary>
/// <param name="Name">The tab name: at most 31 characters, none of <c>[]:*?/\</c>, unique in the workbook.</param>
/// <param name="Title">The title written in A1 (styled Heading 1).</param>
internal abstract record SheetModel(string Name, string Title)
{
    /// <summary>Short lines under the title (A2, A3, ...), e.g. "This worksheet contains one table." and the period covered.</summary>
    public IReadOnlyList<string> Description { get; init; } = [];
}
