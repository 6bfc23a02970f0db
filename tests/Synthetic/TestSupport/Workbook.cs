using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>Reads a workbook's sheets through the Open XML SDK, as a loader would see them.</summary>
public static class Workbook
{
    private static readonly int ExcelEpoch = new DateOnly(1899, 12, 30).DayNumber;

    public sealed record Cell(string? Text, double? Number, bool DateStyled, string? Formula, bool Error)
    {
        /// <summary>The cell as a date: a date-formatted serial number, or the text dd/mm/yyyy or yyyy-mm-dd.</summary>
        public DateOnly? AsDate()
        {
            if (Number is { } n)
            {
                return DateStyled ? DateOnly.FromDayNumber(ExcelEpoch + (int)n) : null;
            }

            return Dates.Parse(Text);
        }

        public override string ToString() => Text ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<Cell?[]> Rows)
    {
        public int Column(string name) => Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
    }

    public static IReadOnlyList<Sheet> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var dateStyles = DateStyles(workbook);
        var sheets = new List<Sheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var rows = new List<Cell?[]>();
            foreach (var row in part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
            {
                var cells = new List<Cell?>();
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                {
                    var column = ColumnIndex(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    cells.Add(Read(cell, shared, dateStyles));
                }

                rows.Add([.. cells]);
            }

            var header = rows.Count == 0 ? [] : rows[0].Select(c => c?.Text ?? string.Empty).ToList();
            sheets.Add(new Sheet(sheet.Name!.Value!, header, rows.Skip(1).Select(r => Pad(r, header.Count)).ToList()));
        }

        return sheets;
    }

    private static Cell?[] Pad(Cell?[] row, int count) => row.Length >= count ? row : [.. row, .. new Cell?[count - row.Length]];

    private static Cell Read(DocumentFormat.OpenXml.Spreadsheet.Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var formula = cell.CellFormula?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new Cell(shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], null, false, formula, false);
        }

        if (type == CellValues.InlineString)
        {
            return new Cell(cell.InlineString!.InnerText, null, false, formula, false);
        }

        if (type == CellValues.Error)
        {
            return new Cell(cell.CellValue?.Text, null, false, formula, true);
        }

        if (type == CellValues.String)
        {
            return new Cell(cell.CellValue?.Text, null, false, formula, false);
        }

        if (cell.CellValue is null || cell.CellValue.Text.Length == 0)
        {
            return new Cell(null, null, false, formula, false);
        }

        var number = double.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture);
        return new Cell(null, number, dateStyles.Contains(cell.StyleIndex?.Value ?? 0), formula, false);
    }

    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet.CellFormats!.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && code.Contains("yy", StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
