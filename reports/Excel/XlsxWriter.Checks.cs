using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

internal static partial class XlsxWriter
{
    /// <summary>Refuses, before any byte is written, a workbook Excel would repair or reject.</summary>
    private static void Check(WorkbookModel workbook)
    {
        if (workbook.Sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(workbook));
        }

        var sheetNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tableNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in workbook.Sheets)
        {
            SheetNames.CheckSheetName(sheet.Name);
            if (!sheetNames.Add(sheet.Name))
            {
                throw new ArgumentException($"Two sheets are called '{sheet.Name}' (sheet names ignore case).", nameof(workbook));
            }

            if (sheet is TableSheet table)
            {
                CheckTable(table, tableNames);
            }
        }

        foreach (var sheet in workbook.Sheets)
        {
            var lines = sheet switch
            {
                TextSheet text => text.Lines,
                _ => [],
            };
            foreach (var line in lines.Where(l => l.Kind == CellKind.Link && !sheetNames.Contains(l.LinkTarget!)))
            {
                throw new ArgumentException($"Sheet '{sheet.Name}' links to a sheet '{line.LinkTarget}' that the workbook does not have.", nameof(workbook));
            }
        }
    }

    private static void CheckTable(TableSheet table, HashSet<string> tableNames)
    {
        SheetNames.CheckTableName(table.TableName);
        if (!tableNames.Add(table.TableName))
        {
            throw new ArgumentException($"Two tables are called '{table.TableName}' (table names ignore case).", nameof(table));
        }

        if (table.Columns.Count == 0 || table.Columns.Count > CellReference.MaxColumns)
        {
            throw new ArgumentException($"Table '{table.TableName}' needs 1 to {CellReference.MaxColumns} columns.", nameof(table));
        }

        var headers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in table.Columns)
        {
            if (string.IsNullOrWhiteSpace(column.Header) || column.Header.Any(char.IsControl) || column.Header.Length > 255)
            {
                throw new ArgumentException($"Table '{table.TableName}' has a header '{column.Header}' that is empty, too long or has control characters.", nameof(table));
            }

            if (!headers.Add(column.Header))
            {
                throw new ArgumentException($"Table '{table.TableName}' has two columns headed '{column.Header}'.", nameof(table));
            }
        }

        foreach (var chart in table.Charts)
        {
            var indexes = chart.ValueColumns.Append(chart.CategoryColumn);
            if (chart.ValueColumns.Count == 0 || indexes.Any(i => i < 0 || i >= table.Columns.Count))
            {
                throw new ArgumentException($"Chart '{chart.Title}' on '{table.Name}' refers to columns the table does not have.", nameof(table));
            }
        }
    }
}
