using DocumentFormat.OpenXml.Spreadsheet;

using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

/// <summary>The table part (<c>xl/tables/tableN.xml</c>) that makes a sheet's range a real Excel table.</summary>
internal static class TablePartBuilder
{
    public static Table Build(uint id, TableSheet sheet, int headerRow, int lastRow)
    {
        var reference = CellReference.Range(0, headerRow, sheet.Columns.Count - 1, lastRow);
        var columns = new TableColumns { Count = (uint)sheet.Columns.Count };
        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            columns.Append(new TableColumn { Id = (uint)(i + 1), Name = sheet.Columns[i].Header });
        }

        var table = new Table
        {
            Id = id,
            Name = sheet.TableName,
            DisplayName = sheet.TableName,
            Reference = reference,
            TotalsRowShown = false,
        };
        if (sheet.AutoFilter)
        {
            table.Append(new AutoFilter { Reference = reference });
        }

        table.Append(columns);
        table.Append(new TableStyleInfo
        {
            Name = "TableStyleLight9",
            ShowFirstColumn = false,
            ShowLastColumn = false,
            ShowRowStripes = true,
            ShowColumnStripes = false,
        });
        return table;
    }
}
