using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Analytics.Audit;
using Warehouse.Reports.Audit;
using Warehouse.Reports.Tests.Support;
using Warehouse.Xlsx;

namespace Warehouse.Reports.Tests.Audit;

public sealed class AuditWorkbookTests : IDisposable
{
    private readonly AuditWarehouse warehouse = new();
    private readonly TempFolder temp = new();

    public void Dispose()
    {
        warehouse.Dispose();
        temp.Dispose();
    }

    private (AuditSample Sample, IReadOnlyList<AuditWorkbookFile> Files) Write(bool blind)
    {
        var sample = warehouse.Draw(blind);
        var files = AuditWorkbooks.Write(warehouse.Connection, sample.AuditId, Path.Combine(temp.Path, "restricted", "audit"), AuditWarehouse.Clock);
        return (sample, files);
    }

    /// <summary>The Audit sheet as rows of header → text (numbers invariant, dates ISO).</summary>
    private static List<Dictionary<string, string>> AuditRows(string path)
    {
        using var reader = XlsxReader.Open(path);
        var rows = reader.ReadRows("Audit").ToList();
        var header = rows.First(r => r.Cells.Any(c => c.Text == "Consultation id"));
        var names = header.Cells.Select(c => c.ToString()).ToList();
        return rows.Where(r => r.RowNumber > header.RowNumber && !r.IsEmpty)
            .Select(r => names.Select((n, i) => (n, v: r[i].ToString())).ToDictionary(x => x.n, x => x.v, StringComparer.Ordinal))
            .ToList();
    }

    [Fact]
    public void Write_GivesEachAuditorAWorkbookOfTheirOwnCasesOnly()
    {
        var (sample, files) = Write(blind: false);

        Assert.Equal(["QA1", "QA2", "QA3"], files.Select(f => f.AuditorRef));
        foreach (var file in files)
        {
            var expected = sample.Cases.Where(c => c.AuditorRef == file.AuditorRef || c.ModeratorRef == file.AuditorRef).OrderBy(c => c.CaseNumber).ToList();
            var rows = AuditRows(file.Path);
            Assert.Equal(expected.Select(c => c.ConsultationId), rows.Select(r => r["Consultation id"]));
            Assert.Equal(expected.Select(c => c.CaseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r["Case"]));
            Assert.All(rows, r => Assert.Equal(file.AuditorRef, r["Auditor reference"]));
            Assert.All(rows, r => Assert.Equal(sample.AuditId, r["Audit id"]));
            Assert.Equal(expected.Count, file.Cases);

            // No other auditor's reference appears anywhere in the workbook.
            var others = files.Select(f => f.AuditorRef).Where(a => a != file.AuditorRef).ToList();
            Assert.DoesNotContain(XlsxCells.Read(file.Path), c => others.Any(o => c.Text.Contains(o, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Write_ShowsWhatTheAuditorNeeds_InTheDocumentsWording()
    {
        var (_, files) = Write(blind: false);

        var rows = AuditRows(files[0].Path);
        foreach (var row in rows)
        {
            var id = row["Consultation id"];
            var n = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($"key{n:000}", row["Child key (pseudonymised)"]);
            Assert.Matches("^2026-09-[0-9]{2}$", row["Consultation date"]);
            Assert.Contains(row["Locality"], new[] { "North (NTH)", "South (STH)", "East (EST)" });
            Assert.Contains(AuditWarehouse.Indicators[n % 3].Wording, row["Indicators recorded (the document's wording)"], StringComparison.Ordinal);
            Assert.Equal((n % 11).ToString(System.Globalization.CultureInfo.InvariantCulture), row["Likelihood (How likely is this?)"]);
            Assert.Equal((n * 7 % 11).ToString(System.Globalization.CultureInfo.InvariantCulture), row["Seriousness (How serious is this?)"]);
            var recommended = warehouse.Connection.Scalar<int>("SELECT recommended_level FROM fact.consultation WHERE consultation_id = $1", id);
            var actual = warehouse.Connection.Scalar<int>("SELECT actual_level FROM fact.consultation WHERE consultation_id = $1", id);
            var indicated = warehouse.Connection.Scalar<int>("SELECT indicated_level FROM fact.consultation WHERE consultation_id = $1", id);
            Assert.Equal(AuditWarehouse.LevelNames[recommended - 1], row["Recommended level"]);
            Assert.Equal(AuditWarehouse.LevelNames[actual - 1], row["Actual level"]);
            Assert.Equal(AuditWarehouse.LevelNames[indicated - 1], row["Indicated level"]);
            Assert.Equal(AuditWarehouse.Outcomes[recommended - 1].Label, row["Outcome"]);
            Assert.Equal(string.Empty, row["Auditor's level"]);
            Assert.Equal(string.Empty, row["Rationale (stays in this workbook)"]);
        }
    }

    [Fact]
    public void Write_BlindWorkbooks_ShowNeitherTheOutcomeNorAnyLevel_InAnyCell()
    {
        var (_, files) = Write(blind: true);

        // Every text the sighted workbook would show for a case's outcome or level, by label and by code.
        var forbidden = AuditWarehouse.LevelNames.Concat(AuditWarehouse.LevelCodes)
            .Concat(AuditWarehouse.Outcomes.Select(o => o.Label)).Concat(AuditWarehouse.Outcomes.Select(o => o.Code))
            .ToList();
        foreach (var file in files)
        {
            Assert.True(file.Blind);
            var cells = XlsxCells.Read(file.Path);
            Assert.NotEmpty(cells);
            foreach (var cell in cells)
            {
                Assert.DoesNotContain(forbidden, f => cell.Text.Contains(f, StringComparison.OrdinalIgnoreCase));
            }

            var headers = AuditRows(file.Path)[0].Keys.ToList();
            Assert.Equal(["Auditor's level"], headers.Where(h => h.Contains("level", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain("Outcome", headers);

            // Nor in the document properties.
            using var document = SpreadsheetDocument.Open(file.Path, false);
            var properties = document.PackageProperties;
            Assert.DoesNotContain(forbidden, f => $"{properties.Title} {properties.Subject} {properties.Keywords}".Contains(f, StringComparison.OrdinalIgnoreCase));
        }

        // The scan can fail: the same sample written sighted shows them.
        var sighted = AuditWorkbooks.Write(warehouse.Connection, warehouse.Draw(blind: false).AuditId, Path.Combine(temp.Path, "sighted"), AuditWarehouse.Clock);
        Assert.Contains(XlsxCells.Read(sighted[0].Path), c => forbidden.Any(f => c.Text.Contains(f, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Write_LocksEveryCellButTheInputs_WithDropDowns_AndMarksEverySheet()
    {
        var (sample, files) = Write(blind: false);

        using var document = SpreadsheetDocument.Open(files[1].Path, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Instructions", "Audit", "Lists"], sheets);
        foreach (var name in sheets)
        {
            var headerFooter = XlsxInspection.WorksheetPart(document, name!).Worksheet.Descendants<HeaderFooter>().Single();
            Assert.Contains("OFFICIAL-SENSITIVE", headerFooter.OddHeader!.Text, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", headerFooter.OddFooter!.Text, StringComparison.Ordinal);
        }

        Assert.Contains("OFFICIAL-SENSITIVE", document.PackageProperties.Keywords, StringComparison.Ordinal);
        var part = XlsxInspection.WorksheetPart(document, "Audit");
        Assert.True(part.Worksheet.Descendants<SheetProtection>().Single().Sheet!.Value);
        var xfs = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        bool Locked(Cell cell) => xfs[(int)(cell.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value ?? true;

        var header = part.Worksheet.Descendants<Row>().First(r => r.Descendants<Cell>().Any(c => Text(document, c) == "Consultation id"));
        var columns = header.Descendants<Cell>().ToDictionary(c => CellReference.ColumnIndex(c.CellReference!.Value!), c => Text(document, c));
        string[] inputs = ["Auditor's level", "Auditor's agency", "Audit date", "Rationale (stays in this workbook)"];
        int checkedCells = 0;
        foreach (var row in part.Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value > header.RowIndex!.Value))
        {
            foreach (var cell in row.Descendants<Cell>())
            {
                var column = columns[CellReference.ColumnIndex(cell.CellReference!.Value!)];
                Assert.Equal(!inputs.Contains(column), Locked(cell));
                checkedCells++;
            }
        }

        Assert.Equal(files[1].Cases * columns.Count, checkedCells);
        Assert.All(header.Descendants<Cell>(), c => Assert.True(Locked(c)));

        var validations = part.Worksheet.Descendants<DataValidation>().ToDictionary(v => columns[CellReference.ColumnIndex(v.SequenceOfReferences!.InnerText!.Split(':')[0])]);
        Assert.Equal(["Audit date", "Auditor's agency", "Auditor's level"], validations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("\"Universal,Early Support,Family Help,Immediate protection\"", validations["Auditor's level"].Formula1!.Text);
        // Agencies an auditor can belong to: not individuals, not anonymous.
        Assert.Equal("\"LA_SOCIAL_CARE,POLICE,SCHOOL\"", validations["Auditor's agency"].Formula1!.Text);
        Assert.Equal("'Lists'!$A$4:$A$123", validations["Audit date"].Formula1!.Text);
        Assert.Equal(DataValidationErrorStyleValues.Warning, validations["Audit date"].ErrorStyle!.Value);
        Assert.All(validations.Values, v => Assert.Equal(DataValidationValues.List, v.Type!.Value));
        Assert.Equal(sample.AuditId + "-QA2.xlsx", Path.GetFileName(files[1].Path));
    }

    [Fact]
    public void Write_PutsALongAgencyListOnTheListsSheet()
    {
        var values = string.Join(", ", Enumerable.Range(1, 40).Select(i => $"('{AuditWarehouse.Partnership}', 'HEALTH_PROVIDER_{i:00}', 'Provider {i}', 'health', '3D')"));
        warehouse.Connection.Execute($"INSERT INTO dim.agency VALUES {values}");

        var (_, files) = Write(blind: false);

        using var document = SpreadsheetDocument.Open(files[0].Path, false);
        var validation = XlsxInspection.WorksheetPart(document, "Audit").Worksheet.Descendants<DataValidation>()
            .Single(v => v.Formula1!.Text.Contains("$B$", StringComparison.Ordinal));
        Assert.Equal("'Lists'!$B$4:$B$46", validation.Formula1!.Text);
        using var reader = XlsxReader.Open(files[0].Path);
        var listed = reader.ReadRows("Lists").Where(r => r.RowNumber >= 4).Select(r => r[1].ToString()).Where(t => t.Length > 0).ToList();
        Assert.Equal(43, listed.Count);
        Assert.Contains("HEALTH_PROVIDER_40", listed);
        Assert.DoesNotContain("FAMILY", listed);
    }

    [UnixOnlyFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_CreatesOwnerOnlyFiles_InAnOwnerOnlyFolder_AndRefusesAFolderOthersCanRead()
    {
        var (sample, files) = Write(blind: false);

        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f.Path)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(files[0].Path)!));

        var open = Path.Combine(temp.Path, "open");
        Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)Convert.ToInt32("755", 8));
        var error = Assert.Throws<InvalidOperationException>(() => AuditWorkbooks.Write(warehouse.Connection, sample.AuditId, open, AuditWarehouse.Clock));
        Assert.Contains("chmod 700", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(open));
    }

    [Fact]
    public void Write_ProducesWorkbooksTheOpenXmlValidatorAccepts_WithInstructions()
    {
        var (_, files) = Write(blind: true);

        Assert.Empty(XlsxInspection.ValidationErrors(files[0].Path));
        using var reader = XlsxReader.Open(files[0].Path);
        var text = string.Join("\n", reader.ReadRows("Instructions").Select(r => r[0].ToString()));
        Assert.Contains("blind audit", text, StringComparison.Ordinal);
        Assert.Contains("never loaded into the warehouse", text, StringComparison.Ordinal);
        Assert.Contains("Auditor reference: QA1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RefusesAnUnknownAudit() =>
        Assert.Throws<InvalidOperationException>(() => AuditWorkbooks.Write(warehouse.Connection, "audit-none", temp.Path, AuditWarehouse.Clock));

    private static string Text(SpreadsheetDocument document, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
