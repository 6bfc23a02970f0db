using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs.Qa;

/// <summary>The restricted QA workbook: case-level exceptions, owner-only, marked on every sheet, never beside the pack.</summary>
[Collection(SharedPack.Name)]
public sealed class QaWorkbookTests(PackOutput pack)
{
    [UnixOnlyFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void QaWorkbook_IsOwnerOnly_InOwnerOnlyFolders()
    {
        var month = Path.GetDirectoryName(pack.QaWorkbook)!;
        var partnership = Path.GetDirectoryName(month)!;

        Assert.StartsWith(Path.GetFullPath(pack.Options.RestrictedFolder), pack.QaWorkbook, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pack.QaWorkbook));
        foreach (var folder in new[] { pack.Options.RestrictedFolder, partnership, month })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public void EverySheet_IsMarkedOfficialSensitive_InHeaderFooterAndOnTheSheet()
    {
        using var document = SpreadsheetDocument.Open(pack.QaWorkbook, false);
        var cells = XlsxCells.Read(pack.QaWorkbook);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        Assert.True(sheets.Count >= 8);
        foreach (var name in sheets)
        {
            var worksheet = XlsxInspection.WorksheetPart(document, name).Worksheet;
            var headerFooter = worksheet.Descendants<HeaderFooter>().Single();
            Assert.Contains("OFFICIAL-SENSITIVE", headerFooter.OddHeader!.Text, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", headerFooter.OddFooter!.Text, StringComparison.Ordinal);
            Assert.Contains(cells, c => c.Sheet == name && c.Text.StartsWith("OFFICIAL-SENSITIVE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Exceptions_AreListedByRule_WithPseudonymisedKeysOnly()
    {
        var cells = XlsxCells.Read(pack.QaWorkbook);
        var consent = cells.Where(c => c.Sheet == "Consent").ToList();
        var ids = pack.Warehouse.Consultations.ToDictionary(c => c.Id, c => c.ChildKey);

        var rows = consent.Where(c => c.Reference.StartsWith('A') && ids.ContainsKey(c.Text)).ToList();
        Assert.True(rows.Count > 10, $"{rows.Count} consent exceptions listed");
        foreach (var row in rows)
        {
            var key = consent.Single(c => c.Reference == "B" + row.Reference[1..]);
            Assert.Equal(ids[row.Text], key.Text);
            Assert.StartsWith("ck-", key.Text, StringComparison.Ordinal);
        }

        Assert.Contains(cells, c => c.Sheet == "Summary" && c.Text.StartsWith("Consent not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void ARuleWithMoreCasesThanASheetHolds_ShowsTheEarliestThatFit_AndSaysWhereTheRestAre()
    {
        using var temp = new TempFolder();
        // 12 rows: title, four notes, header, six cases.
        var options = PackOutput.OptionsFor(temp.Path) with { RenderPng = false, QaSheetRowLimit = 12 };
        PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default);
        var qa = Path.Combine(options.RestrictedFolder, PackWarehouse.Partnership, "2026-10", "qa-warwickshire-2026-10.xlsx");

        var consent = XlsxCells.Read(qa).Where(c => c.Sheet == "Consent").ToList();
        // Uncapped, the sheet has its title, three notes and its header above the cases.
        var everyCase = XlsxCells.Read(pack.QaWorkbook).Count(c => c.Sheet == "Consent" && c.Reference.StartsWith('A') && Row(c) > 5);
        var rows = consent.Select(Row).ToList();

        Assert.True(everyCase > 6, $"{everyCase} consent cases: too few to need the limit");
        Assert.Equal(12, rows.Max());
        Assert.Contains(consent, c => c.Text == $"This sheet shows the earliest 6 of the rule's {everyCase:N0} cases, as many as a sheet holds. The full list: warehouse export --table analytics.exceptions (restricted folder), rule 'consent_missing', run {pack.Warehouse.RunId}.");
    }

    private static int Row(XlsxCells.CellInfo cell) =>
        int.Parse(cell.Reference.TrimStart('A', 'B', 'C', 'D', 'E', 'F'), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void NothingRestricted_IsInThePublishableFolder()
    {
        var published = Directory.GetFiles(pack.Folder, "*", SearchOption.AllDirectories);

        Assert.DoesNotContain(published, f => Path.GetFileName(f).StartsWith("qa-", StringComparison.Ordinal));
        Assert.DoesNotContain(pack.Result.Files, f => f.Kind == PackFileKind.Restricted && f.Path.StartsWith(pack.Folder, StringComparison.Ordinal));
        foreach (var file in published.Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var text = file.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxCells.AllXml(file) : File.ReadAllText(file);
            Assert.DoesNotContain("OFFICIAL-SENSITIVE", text, StringComparison.Ordinal);
        }
    }

    [UnixOnlyFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Build_Refuses_ARestrictedFolderOthersCanRead_BeforeWritingAnything()
    {
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { RenderPng = false };
        Directory.CreateDirectory(options.RestrictedFolder);
        File.SetUnixFileMode(options.RestrictedFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var error = Assert.Throws<InvalidOperationException>(() => PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default));

        Assert.Contains("chmod 700", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(options.OutputFolder, "warwickshire")), "the pack was written before the refusal");
    }

    [Fact]
    public void Build_Refuses_ARestrictedFolderThatIsThePackFolder()
    {
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { RenderPng = false };
        options = options with { RestrictedFolder = options.OutputFolder };

        var error = Assert.Throws<InvalidOperationException>(() => PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "csv")));
    }
}
