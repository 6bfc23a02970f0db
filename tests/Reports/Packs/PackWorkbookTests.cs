using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>The executive workbook: valid, laid out as the Analysis Function asks, charts bound to gaps, no formulas from data.</summary>
[Collection(SharedPack.Name)]
public sealed class PackWorkbookTests(PackOutput pack)
{
    [Fact]
    public void Validator_FindsNoErrors_InThePackOrTheQaWorkbook()
    {
        foreach (var path in new[] { pack.Workbook, pack.QaWorkbook })
        {
            var errors = XlsxInspection.ValidationErrors(path);

            Assert.True(errors.Count == 0, Path.GetFileName(path) + ": " + string.Join(Environment.NewLine, errors));
        }
    }

    [Fact]
    public void Workbook_StartsWithCoverContentsAndNotes_AndEveryTableSheetIsOneExcelTable()
    {
        using var document = SpreadsheetDocument.Open(pack.Workbook, false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        Assert.Equal(["Cover_sheet", "Contents", "Notes"], names.Take(3));
        Assert.Contains("Headline", names);
        Assert.Contains("Locality", names);
        Assert.Contains("Audit", names);
        foreach (var name in names.Skip(1))
        {
            var part = XlsxInspection.WorksheetPart(document, name);
            var table = Assert.Single(part.TableDefinitionParts).Table;
            var pane = part.Worksheet.Descendants<Pane>().Single();
            var a1 = part.Worksheet.Descendants<Cell>().First();
            Assert.Equal("A1", a1.CellReference!.Value);
            Assert.Empty(part.Worksheet.Descendants<MergeCells>());
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            // The header row is the one frozen above the data.
            Assert.StartsWith("A" + pane.VerticalSplit!.Value.ToString(CultureInfo.InvariantCulture) + ":", table.Reference!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cover_StatesPeriodPartnershipPublisherContactSourcesClassificationVersionAndRun()
    {
        var cover = XlsxCells.Read(pack.Workbook).Where(c => c.Sheet == "Cover_sheet").Select(c => c.Text).ToList();
        var text = string.Join("\n", cover);

        Assert.Contains("Warwickshire: threshold-consistency pack, October 2026", cover[0], StringComparison.Ordinal);
        foreach (var expected in new[] { "September 2026", "Warwickshire (warwickshire)", "Warwickshire Safeguarding Children Partnership", "performance@example.invalid", "Annex A returns covering 1 October 2024 to 31 October 2026", "Data cut-off: 5 November 2026", "Classification: OFFICIAL", "1.0.0-test", pack.Warehouse.RunId })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Notes_StateTheRulesInForce_TheSources_WhatWasNotAssessable_AndTheWorcestershireWarning()
    {
        var notes = string.Join("\n", XlsxCells.Read(pack.Workbook).Where(c => c.Sheet == "Notes").Select(c => c.Text));

        Assert.Contains("Counts from 1 to 5 are shown as [c]", notes, StringComparison.Ordinal);
        Assert.Contains("fewer than 20 cases are shown as [u]", notes, StringComparison.Ordinal);
        Assert.Contains("The threshold (5) and the minimum number of cases (20)", notes, StringComparison.Ordinal);
        Assert.Contains("do not necessarily correlate with those applied within individual agencies to differentiate between different levels of service provision", notes, StringComparison.Ordinal);
        Assert.Matches(@"In September 2026 \(2026-09\) the actual levels were: recorded [\d,]+; from Annex A [\d,]+; implied [\d,]+", notes);
        Assert.Matches(@"In September 2026: actual implied only [\d,]+", notes);
    }

    [Fact]
    public void Notes_StateOtherSettings_WhenTheOptionsChange()
    {
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { Disclosure = new PackDisclosureOptions { Threshold = 9, MinimumCases = 50 }, RenderPng = false };

        PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default);

        var notes = string.Join("\n", XlsxCells.Read(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "pack-warwickshire-2026-10.xlsx")).Where(c => c.Sheet == "Notes").Select(c => c.Text));
        Assert.Contains("Counts from 1 to 9 are shown as [c]", notes, StringComparison.Ordinal);
        Assert.Contains("fewer than 50 cases are shown as [u]", notes, StringComparison.Ordinal);
        var tidy = CsvText.Records(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "tidy.csv"));
        Assert.DoesNotContain(tidy, r => r["unit"] == "count" && long.TryParse(r["value"], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9);
    }

    [Fact]
    public void EveryTable_SaysWhichMonthItCovers()
    {
        var plan = pack.Plan;

        foreach (var table in plan.Tables.Where(t => t.SheetName is not ("Loads" or "Problems")))
        {
            Assert.True(table.Columns.Any(c => c.Header is "Month" or "Month covered"), $"{table.SheetName} has no month column");
            Assert.True(table.Rows.Count == 0 || table.Description.Any(d => d.Contains("2026", StringComparison.Ordinal)), $"{table.SheetName} does not say its period");
        }
    }

    [Fact]
    public void NativeCharts_HaveAltText_AndAreBoundToRangesOfNumbersAndBlanks_NeverSymbols()
    {
        using var document = SpreadsheetDocument.Open(pack.Workbook, false);
        var cells = XlsxCells.Read(pack.Workbook).ToDictionary(c => (c.Sheet, c.Reference));
        int charts = 0, blanks = 0, numbers = 0;
        foreach (var sheet in new[] { "Chart_1", "Chart_2", "Chart_3" })
        {
            var part = XlsxInspection.WorksheetPart(document, sheet);
            var frames = part.DrawingsPart!.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.NonVisualDrawingProperties>().ToList();
            Assert.All(frames, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{sheet}: chart without alt text"));
            foreach (var chart in part.DrawingsPart.ChartParts)
            {
                charts++;
                Assert.Equal(C.DisplayBlanksAsValues.Gap, chart.ChartSpace.Descendants<C.DisplayBlanksAs>().Single().Val!.Value);
                foreach (var formula in chart.ChartSpace.Descendants<C.Values>().SelectMany(v => v.Descendants<C.Formula>()))
                {
                    var (target, column, first, last) = Range(formula.Text);
                    Assert.Equal(sheet, target);
                    for (int row = first; row <= last; row++)
                    {
                        var reference = column + row.ToString(CultureInfo.InvariantCulture);
                        if (!cells.TryGetValue((sheet, reference), out var cell) || cell.IsBlank)
                        {
                            blanks++;
                            continue;
                        }

                        Assert.True(cell.IsNumber, $"{sheet}!{reference} holds '{cell.Text}', not a number or a blank");
                        numbers++;
                    }
                }
            }
        }

        Assert.Equal(3, charts);
        Assert.True(blanks > 0, "no suppressed value in any chart range: the test data should have some");
        Assert.True(numbers > 10);
    }

    [Fact]
    public void TextFromSourceData_NeverBecomesAFormula_InTheWorkbookOrTheCsv()
    {
        var cells = XlsxCells.Read(pack.Workbook);
        var teams = cells.Where(c => c.Sheet == "Team").ToList();
        foreach (var team in PackWarehouse.Teams.Where(t => t[0] is '=' or '+' or '-' or '@' or '\t'))
        {
            var cell = Assert.Single(teams, c => c.Text == team);
            Assert.False(cell.IsNumber || cell.HasFormula, $"'{team}' is not a text cell");
        }

        Assert.DoesNotContain(cells, c => c.HasFormula);
        var csv = CsvText.Read(Path.Combine(pack.Folder, "csv", "08-agreement-team.csv")).Select(r => r[1]).ToList();
        foreach (var team in PackWarehouse.Teams.Where(t => t[0] is '=' or '+' or '-' or '@' or '\t'))
        {
            Assert.Contains("'" + team, csv);
            Assert.DoesNotContain(team, csv);
        }

        var tidy = CsvText.Records(Path.Combine(pack.Folder, "tidy.csv"));
        Assert.DoesNotContain(tidy, r => r["group"].Length > 0 && r["group"][0] is '=' or '+' or '-' or '@' or '\t');
    }

    [Fact]
    public void NegativeBounds_AreNumbers_InTheWorkbookAndTheCsv()
    {
        var cells = XlsxCells.Read(pack.Workbook);
        var negative = cells.Where(c => c.IsNumber && c.Text.StartsWith('-')).ToList();

        Assert.Contains(negative, c => c.Sheet == "Caller");
        Assert.DoesNotContain(cells, c => !c.IsNumber && System.Text.RegularExpressions.Regex.IsMatch(c.Text, @"^-\d"));
        var caller = CsvText.Read(Path.Combine(pack.Folder, "csv", "10-caller-recommended.csv"));
        Assert.Contains(caller.Skip(1).SelectMany(r => r), f => f.StartsWith('-') && double.TryParse(f, CultureInfo.InvariantCulture, out _));
        Assert.DoesNotContain(caller.Skip(1).SelectMany(r => r), f => f.StartsWith("'-", StringComparison.Ordinal));
    }

    [Fact]
    public void Commentary_BecomesItsOwnSheet_AsText()
    {
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { RenderPng = false };
        Directory.CreateDirectory(options.CommentaryFolder!);
        File.WriteAllText(Path.Combine(options.CommentaryFolder!, "commentary.txt"), "Agreement held up in Warwick.\nRugby's numbers are small.\n\n=HYPERLINK(\"http://example.invalid\")\n");

        PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default);

        var cells = XlsxCells.Read(Path.Combine(options.OutputFolder, "warwickshire", "2026-10", "pack-warwickshire-2026-10.xlsx"));
        var commentary = cells.Where(c => c.Sheet == "Commentary").ToList();
        Assert.Contains(commentary, c => c.Text == "Agreement held up in Warwick. Rugby's numbers are small.");
        Assert.Contains(commentary, c => c.Text == "=HYPERLINK(\"http://example.invalid\")" && !c.HasFormula);
        Assert.DoesNotContain(XlsxCells.Read(pack.Workbook), c => c.Sheet == "Commentary");
    }

    private static (string Sheet, string Column, int First, int Last) Range(string formula)
    {
        // 'Chart_1'!$B$5:$B$17
        var bang = formula.LastIndexOf('!');
        var sheet = formula[..bang].Trim('\'');
        var parts = formula[(bang + 1)..].Replace("$", string.Empty, StringComparison.Ordinal).Split(':');
        string Column(string r) => new(r.TakeWhile(char.IsLetter).ToArray());
        int Row(string r) => int.Parse(r[Column(r).Length..], CultureInfo.InvariantCulture);
        return (sheet, Column(parts[0]), Row(parts[0]), Row(parts[1]));
    }
}
