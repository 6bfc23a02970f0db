using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Warehouse.Reports.Tests.Support;

/// <summary>Looks inside written workbooks with the Open XML SDK.</summary>
public static class XlsxInspection
{
    /// <summary>The worksheet part's XML for a sheet, indented for readable golden diffs.</summary>
    public static string WorksheetXml(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var part = WorksheetPart(document, sheetName);
        using var stream = part.GetStream();
        return XDocument.Load(stream).ToString();
    }

    public static IReadOnlyList<string> AllWorksheetXml(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return document.WorkbookPart!.WorksheetParts.Select(p =>
        {
            using var stream = p.GetStream();
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }).ToArray();
    }

    public static WorksheetPart WorksheetPart(SpreadsheetDocument document, string sheetName)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
    }

    /// <summary>The Open XML SDK validator's errors, one line each (empty when the workbook is valid).</summary>
    public static IReadOnlyList<string> ValidationErrors(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2016);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToArray();
    }
}
