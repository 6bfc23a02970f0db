using System.IO.Compression;
using System.Xml;
using Warehouse.Etl.Sources.AnnexA;
using Warehouse.Etl.Staging;

namespace Warehouse.Etl.Inbox;

/// <summary>
/// Tells a file's kind from its content — the header row of a CSV, the sheet names of a
/// workbook — never from its name (CONTRACT.md, "Drop zone").
/// </summary>
internal static class FileRecogniser
{
    internal static Recognition Recognise(string path, long maxWorkbookPartBytes = 64L << 20)
    {
        Span<byte> magic = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(magic);
        }
        if (read == 0) return new Recognition(FileKind.Unrecognised, "the file is empty");
        return read == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4
            ? RecogniseWorkbook(path, maxWorkbookPartBytes)
            : RecogniseCsv(path);
    }

    internal static Recognition RecogniseCsv(string path)
    {
        // A file of a known kind that cannot be read (UTF-16, semicolons…) is recognised, then
        // refused as that kind with the reason (rejected/, not unrecognised/).
        var scan = CsvScan.ReadHeader(path);
        var header = scan.Header;
        if (header.Count == 0) return new Recognition(FileKind.Unrecognised, scan.HeaderProblem ?? "the file is empty");
        var names = header.Select(Normalise).ToHashSet(StringComparer.Ordinal);

        if (names.Contains("consultation_id") && names.Contains("child_id"))
            return new Recognition(FileKind.Consultations, null);
        if (names.IsSupersetOf(["locality_code", "locality_name", "area"]))
            return new Recognition(FileKind.Localities, null);
        if (names.IsSupersetOf(["agency_code", "agency_name", "sector"]))
            return new Recognition(FileKind.Agencies, null);
        if (names.SetEquals(["date", "name"]))
            return new Recognition(FileKind.BankHolidays, null);
        if (names.IsSupersetOf(["year_ending", "measure", "value"]))
            return new Recognition(FileKind.NationalComparators, null);
        if (names.Contains(AnnexAColumns.Normalise("Child Unique ID")) && AnnexALists.FromHeader(header) is { } list)
            return new Recognition(FileKind.AnnexAList, null, list.Number);

        if (scan.HeaderProblem is { } problem) return new Recognition(FileKind.Unrecognised, problem);
        var shown = string.Join(", ", header.Take(8).Select(h => $"'{h.Trim()}'"));
        return new Recognition(FileKind.Unrecognised,
            $"its header ({shown}{(header.Count > 8 ? ", …" : "")}) matches no kind the warehouse accepts: consultations need consultation_id and child_id; an Annex A list CSV needs 'Child Unique ID' and the list's date column");
    }

    internal static Recognition RecogniseWorkbook(string path, long maxPartBytes)
    {
        List<string> sheets;
        try
        {
            sheets = SheetNames(path, maxPartBytes);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return new Recognition(FileKind.Unrecognised, $"it starts like a zip file but is not a readable Excel workbook ({e.Message})");
        }
        if (sheets.Any(s => AnnexALists.FromSheetName(s) is { Number: >= 1 and <= 5 }))
            return new Recognition(FileKind.AnnexAWorkbook, null);
        if (sheets.Any(s => s.Trim().Equals(AuditWorkbookSheet, StringComparison.OrdinalIgnoreCase)))
            return new Recognition(FileKind.AuditReturn, null);
        return new Recognition(FileKind.Unrecognised,
            $"its sheets ({string.Join(", ", sheets.Select(s => $"'{s}'"))}) are neither Annex A lists ('List 1' … 'List 7') nor an audit return ('{AuditWorkbookSheet}')");
    }

    /// <summary>The sheet every audit workbook the warehouse exports carries its cases on.</summary>
    internal const string AuditWorkbookSheet = "Audit";

    private static string Normalise(string header) => AnnexAColumns.Normalise(header);

    private static List<string> SheetNames(string path, long maxPartBytes)
    {
        using var zip = ZipFile.OpenRead(path);
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("it has no xl/workbook.xml part");
        if (workbook.Length > maxPartBytes) throw new InvalidDataException($"its workbook part inflates to {workbook.Length:N0} bytes");
        using var stream = workbook.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var names = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name) names.Add(name);
        }
        return names;
    }
}
