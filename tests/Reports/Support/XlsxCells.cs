using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Warehouse.Reports.Tests.Support;

/// <summary>Every cell of every sheet of a workbook, with its number format, read with the Open XML SDK.</summary>
public static class XlsxCells
{
    public sealed record CellInfo(string Sheet, string Reference, bool IsNumber, bool IsBlank, string Text, string Format, bool HasFormula);

    public static List<CellInfo> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var xfs = stylesheet?.CellFormats?.Elements<CellFormat>().ToArray() ?? [];
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var cells = new List<CellInfo>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                uint formatId = cell.StyleIndex is { } s && s.Value < xfs.Length ? xfs[s.Value].NumberFormatId?.Value ?? 0 : 0;
                var format = formats.TryGetValue(formatId, out var code) ? code : formatId == 49 ? "@" : "General";
                bool isNumber = cell.DataType is null && cell.CellValue is not null;
                string text = cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                    : cell.CellValue?.Text ?? string.Empty;
                cells.Add(new CellInfo(sheet.Name!.Value!, cell.CellReference!.Value!, isNumber, cell.CellValue is null && cell.InlineString is null, text, format, cell.CellFormula is not null));
            }
        }

        return cells;
    }

    /// <summary>All the XML text inside the package, part by part (to look for strings that must never be there).</summary>
    public static string AllXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return string.Join("\n", zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }
}
