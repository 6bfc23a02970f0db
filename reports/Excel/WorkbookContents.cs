namespace Warehouse.Reports.Excel;

/// <summary>Builds the contents sheet: one row per sheet, its name linking to it, and its title.</summary>
internal static class WorkbookContents
{
    /// <summary>A contents table listing <paramref name="sheets"/>; put it second, after the cover.</summary>
    public static TableSheet Build(IEnumerable<SheetModel> sheets, string name = "Contents", string title = "Contents") =>
        new(name, title, "Contents_table",
            [SheetColumn.Text("Sheet name") with { Width = 20 }, SheetColumn.Text("Sheet title") with { Width = 90 }],
            sheets.Select(sheet => (IReadOnlyList<SheetCell>)[SheetCell.Link(sheet.Name, sheet.Name), SheetCell.Text(sheet.Title)]).ToArray())
        {
            Description = ["This worksheet contains one table. Select a sheet name to go to that sheet."],
            AutoFilter = false,
        };
}
