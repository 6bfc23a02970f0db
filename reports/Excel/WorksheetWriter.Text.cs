namespace Warehouse.Reports.Excel;

internal sealed partial class WorksheetWriter
{
    /// <summary>Writes a cover or notes sheet: title, description, then one line per row in column A.</summary>
    public void WriteText(TextSheet sheet, bool selected, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        StartWorksheet(selected, frozenRows: 0, [sheet.ColumnWidth]);
        var row = WriteTitleRows(sheet);
        foreach (var line in sheet.Lines)
        {
            StartRow(row);
            WriteCell(0, row, line, NumberFormat.General, CellRole.Body, locked: true);
            _writer.WriteEndElement();
            row++;
        }

        EndWorksheet(protection: null, validations: null, drawingRelationshipId: null, tableRelationshipId: null);
    }
}
