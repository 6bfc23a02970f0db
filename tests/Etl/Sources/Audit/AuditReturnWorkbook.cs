using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Etl.Tests.Sources.Audit;

/// <summary>
/// Writes an audit return the way a completed audit workbook looks to the import: a title and
/// description above the header on a sheet called "Audit", then one row per case. Values: text,
/// numbers, and dates (written as Excel serials in a date format), null for a blank cell.
/// </summary>
public sealed class AuditReturnWorkbook
{
    public static readonly string[] StandardHeader =
        ["Case", "Consultation id", "Child key (pseudonymised)", "Auditor's level", "Auditor's agency", "Audit date", "Rationale (stays in this workbook)", "Auditor reference", "Audit id"];

    private readonly List<object?[]> rows = [];

    public AuditReturnWorkbook(IReadOnlyList<string>? header = null) => Header = header ?? StandardHeader;

    public IReadOnlyList<string> Header { get; }

    /// <summary>The sheet row (as Excel numbers it) of the header: the title and two description lines come first.</summary>
    public const int HeaderRow = 4;

    public AuditReturnWorkbook Add(params object?[] values)
    {
        rows.Add(values);
        return this;
    }

    /// <summary>A case row in the standard layout.</summary>
    public AuditReturnWorkbook Case(int number, string consultationId, object? level, object? agency, object? date, string auditor, string auditId, string rationale = "Reasons the auditor wrote") =>
        Add(number, consultationId, "key", level, agency, date, rationale, auditor, auditId);

    public string Save(string path)
    {
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var instructions = workbook.AddNewPart<WorksheetPart>();
            instructions.Worksheet = new Worksheet(new SheetData(new Row(Text("A1", "Instructions")) { RowIndex = 1 }));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(instructions), SheetId = 1, Name = "Instructions" });

            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(new Row(Text("A1", "Threshold audit (OFFICIAL-SENSITIVE)")) { RowIndex = 1 });
            data.Append(new Row(Text("A2", "OFFICIAL-SENSITIVE: case-level information.")) { RowIndex = 2 });
            data.Append(new Row(Text("A3", "Fill in the unlocked columns.")) { RowIndex = 3 });
            data.Append(RowOf(HeaderRow, Header.Cast<object?>().ToArray()));
            for (int i = 0; i < rows.Count; i++)
            {
                data.Append(RowOf(HeaderRow + 1 + i, rows[i]));
            }

            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 2, Name = "Audit" });
        }

        return path;
    }

    private static Row RowOf(int number, object?[] values)
    {
        var row = new Row { RowIndex = (uint)number };
        for (int c = 0; c < values.Length; c++)
        {
            var reference = Column(c) + number.ToString(CultureInfo.InvariantCulture);
            switch (values[c])
            {
                case null:
                    break;
                case string text:
                    row.Append(Text(reference, text));
                    break;
                case DateOnly date:
                    row.Append(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = 1,
                        CellValue = new CellValue((date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                case IConvertible numeric:
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(numeric, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) });
                    break;
                default:
                    throw new ArgumentException($"Cannot write a {values[c]!.GetType().Name}.", nameof(values));
            }
        }

        return row;
    }

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString };

    private static string Column(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}
