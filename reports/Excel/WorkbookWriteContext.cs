namespace Warehouse.Reports.Excel;

/// <summary>What every sheet of one workbook shares while it is written.</summary>
internal sealed class WorkbookWriteContext
{
    public WorkbookWriteContext(WorkbookModel model)
    {
        Model = model;
        SharedStrings = model.InlineStrings ? null : new SharedStrings();
        if (model.ProtectionPassword is { } password && model.Sheets.OfType<TableSheet>().Any(s => s.Protect))
        {
            // One salt and hash for the workbook: the spin count makes each hash cost a moment.
            Protection = SheetProtectionHash.Compute(password);
        }
    }

    public WorkbookModel Model { get; }

    public StyleRegistry Styles { get; } = new();

    /// <summary>Null when the workbook uses inline strings.</summary>
    public SharedStrings? SharedStrings { get; }

    public (string Salt, string Hash)? Protection { get; }

    public uint NextTableId { get; set; } = 1;

    public int NextDrawingNumber { get; set; } = 1;

    public int NextChartNumber { get; set; } = 1;

    public int NextTableNumber { get; set; } = 1;
}
