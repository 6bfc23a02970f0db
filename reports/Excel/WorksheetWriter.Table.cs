using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

using Warehouse.Xlsx;

namespace Warehouse.Reports.Excel;

internal sealed partial class WorksheetWriter
{
    /// <summary>Rows sampled to estimate column widths before the column definitions are written.</summary>
    private const int WidthSampleRows = 200;

    /// <summary>Writes a table sheet; the table, drawing and chart parts follow from the returned layout.</summary>
    public TableSheetLayout WriteTable(TableSheet sheet, bool selected, string tableRelationshipId, string? drawingRelationshipId, CancellationToken cancellationToken)
    {
        var headerRow = 2 + sheet.Description.Count;
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<SheetCell>>();
        while (sample.Count < WidthSampleRows && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }

        StartWorksheet(selected, headerRow, Widths(sheet, sample));
        WriteTitleRows(sheet);

        StartRow(headerRow);
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            WriteCell(c, headerRow, SheetCell.Text(sheet.Columns[c].Header), NumberFormat.Text, CellRole.Header, locked: true);
        }

        _writer.WriteEndElement();

        var chartColumns = sheet.Charts.SelectMany(chart => chart.ValueColumns.Append(chart.CategoryColumn)).Distinct().ToArray();
        var chartCells = chartColumns.ToDictionary(c => c, _ => new List<SheetCell>());
        var row = headerRow;

        void WriteDataRow(IReadOnlyList<SheetCell> cells)
        {
            row++;
            if (cells.Count != sheet.Columns.Count)
            {
                throw new InvalidOperationException($"Sheet '{sheet.Name}' row {row} has {cells.Count} cells; the table has {sheet.Columns.Count} columns.");
            }

            StartRow(row);
            for (var c = 0; c < cells.Count; c++)
            {
                var column = sheet.Columns[c];
                WriteCell(c, row, cells[c], column.Format, CellRole.Body, locked: !column.IsInput);
            }

            _writer.WriteEndElement();
            foreach (var (column, list) in chartCells)
            {
                list.Add(cells[column]);
            }
        }

        foreach (var cells in sample)
        {
            WriteDataRow(cells);
        }

        while (rows.MoveNext())
        {
            if (row % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            WriteDataRow(rows.Current);
        }

        if (row == headerRow)
        {
            // An Excel table needs a data row; an empty table gets one blank row (say "no data" in the description).
            WriteDataRow(sheet.Columns.Select(_ => SheetCell.Blank).ToArray());
        }

        EndWorksheet(Protection(sheet), Validations(sheet, headerRow + 1, row), drawingRelationshipId, tableRelationshipId);
        return new TableSheetLayout(headerRow, headerRow + 1, row, chartCells.ToDictionary(p => p.Key, p => (IReadOnlyList<SheetCell>)p.Value));
    }

    private static double[] Widths(TableSheet sheet, List<IReadOnlyList<SheetCell>> sample)
    {
        var widths = new double[sheet.Columns.Count];
        for (var c = 0; c < widths.Length; c++)
        {
            var column = sheet.Columns[c];
            if (column.Width is { } width)
            {
                widths[c] = width;
                continue;
            }

            // Headers wrap, so a long header counts for less than long data.
            var longest = Math.Min(column.Header.Length, 24);
            foreach (var cells in sample)
            {
                if (c < cells.Count)
                {
                    longest = Math.Max(longest, DisplayLength(cells[c], column.Format));
                }
            }

            widths[c] = EstimateWidth(longest);
        }

        // The title and description sit in column A but overflow to the right; they do not widen it.
        return widths;
    }

    private static int DisplayLength(SheetCell cell, NumberFormat format) => cell.Kind switch
    {
        CellKind.Number => XmlStrings.Number(cell.NumberValue).Length + (format == NumberFormat.Integer ? 3 : 1),
        CellKind.Date => 10,
        CellKind.Blank => 0,
        _ => cell.TextValue?.Length ?? 0,
    };

    private SheetProtection? Protection(TableSheet sheet)
    {
        if (!sheet.Protect)
        {
            return null;
        }

        // true means "protected": editing objects and scenarios is barred; filtering stays allowed.
        var protection = new SheetProtection
        {
            Sheet = true,
            Objects = true,
            Scenarios = true,
            AutoFilter = false,
            Sort = false,
            SelectLockedCells = false,
            SelectUnlockedCells = false,
        };
        if (_context.Protection is { } hash)
        {
            protection.AlgorithmName = "SHA-512";
            protection.HashValue = hash.Hash;
            protection.SaltValue = hash.Salt;
            protection.SpinCount = SheetProtectionHash.SpinCount;
        }

        return protection;
    }

    private static DataValidations? Validations(TableSheet sheet, int firstRow, int lastRow)
    {
        var validations = new DataValidations();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            if (sheet.Columns[c].DropDown is not { } dropDown)
            {
                continue;
            }

            // The list is configuration, not source data; quotes are doubled inside the literal.
            var formula = dropDown.Choices is { } choices
                ? "\"" + string.Join(",", choices).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : dropDown.SourceRange!;
            var validation = new DataValidation
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowInputMessage = dropDown.Prompt is not null,
                ShowErrorMessage = true,
                ErrorStyle = dropDown.Strict ? DataValidationErrorStyleValues.Stop : DataValidationErrorStyleValues.Warning,
                ErrorTitle = "Not in the list",
                Error = "Choose a value from the drop-down list.",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = CellReference.Range(c, firstRow, c, lastRow) },
            };
            if (dropDown.Prompt is { } prompt)
            {
                validation.PromptTitle = sheet.Columns[c].Header.Length <= 32 ? sheet.Columns[c].Header : "Input";
                validation.Prompt = prompt;
            }

            validation.Append(new Formula1(formula));
            validations.Append(validation);
        }

        if (!validations.HasChildren)
        {
            return null;
        }

        validations.Count = (uint)validations.ChildElements.Count;
        return validations;
    }
}
