using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// The month's output, attacked as an intruder would, on a small-numbers partnership: no published
/// count from 1 to 5 anywhere (sheets, CSVs, charts, briefings), and no suppressed value that can be
/// worked out from everything published together.
/// </summary>
[Collection(SharedPack.Name)]
public sealed partial class DisclosureTests(PackOutput pack)
{
    private const int Threshold = 5;

    [Fact]
    public void Intruder_RecoversNoSmallCount_FromEverythingPublished()
    {
        var plan = pack.Plan;
        var layout = plan.Layout();
        var intruder = new PackIntruder(layout, Path.Combine(pack.Folder, "tidy.csv"));
        int published = intruder.PublishedCounts;

        var known = intruder.Attack();

        var small = layout.Truth.Where(t => t.Value is >= 1 and <= Threshold).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var recovered = small.Where(known.ContainsKey).Order(StringComparer.Ordinal).ToList();
        // The data set must give the intruder something to attack, or this test could not fail.
        Assert.True(small.Count > 100, $"only {small.Count} small quantities");
        Assert.True(published > 100 && intruder.PublishedRates > 50, $"{published} counts, {intruder.PublishedRates} rates published");
        Assert.True(known.Count > published + 100, $"the intruder worked out only {known.Count - published} values: it is not attacking");
        Assert.True(recovered.Count == 0, "recovered: " + string.Join("; ", recovered.Take(10).Select(k => $"{k} = {layout.Truth[k]}")));
    }

    [Fact]
    public void Intruder_RecoversSmallCounts_WhenDisclosureControlIsNotToldTheTotals()
    {
        // The same month with the totals kept from the disclosure stage: the intruder must find what they give away.
        using var temp = new TempFolder();
        var options = PackOutput.OptionsFor(temp.Path) with { DeclareRelations = false, RenderPng = false };
        PackBuilder.Build(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default);
        var plan = pack.Plan;
        var layout = plan.Layout();
        var intruder = new PackIntruder(layout, Path.Combine(options.OutputFolder, PackWarehouse.Partnership, "2026-10", "tidy.csv"));

        var known = intruder.Attack();

        var recovered = layout.Truth.Where(t => t.Value is >= 1 and <= Threshold && known.ContainsKey(t.Key)).ToList();
        Assert.True(recovered.Count > 10, $"the intruder recovered only {recovered.Count} small counts from an unprotected pack");
    }

    [Fact]
    public void Relations_AllHold_SoNoneIsLeftOutOfDisclosureControl()
    {
        var plan = pack.Plan;

        Assert.Empty(plan.Book.SkippedRelations);
        Assert.True(plan.Layout().Relations.Count > 200, "the layout declares the pack's totals");
    }

    [Fact]
    public void Workbook_HasNoCountFromOneToFive_AndNoFormula()
    {
        var cells = XlsxCells.Read(pack.Workbook);
        var counts = cells.Where(c => c.IsNumber && c.Format == "#,##0").ToList();

        Assert.True(counts.Count > 200, $"only {counts.Count} count cells");
        Assert.Contains(cells, c => c.Text == "[c]");
        Assert.DoesNotContain(counts, c => IsSmall(c.Text));
        Assert.DoesNotContain(cells, c => c.HasFormula);
        // A count is never written as text (a text "3" would slip past the format check).
        Assert.DoesNotContain(cells, c => !c.IsNumber && Regex.IsMatch(c.Text, "^[1-5]$"));
    }

    [Fact]
    public void TableCsvs_AreTheSheets_AndTheTidyFileHasNoSmallCount()
    {
        var cells = XlsxCells.Read(pack.Workbook);
        var plan = pack.Plan;
        var csvs = Directory.GetFiles(Path.Combine(pack.Folder, "csv"), "*.csv");
        Assert.Equal(plan.Tables.Count, csvs.Length);
        foreach (var csv in csvs)
        {
            var rows = CsvText.Read(csv);
            var sheet = plan.Tables.Single(t => t.Id == Path.GetFileNameWithoutExtension(csv)).SheetName;
            Assert.True(SheetFor(cells.Where(c => c.Sheet == sheet).ToList(), rows[0]) == sheet, $"{Path.GetFileName(csv)} has not the headers of sheet {sheet}");
            var byReference = cells.Where(c => c.Sheet == sheet).ToDictionary(c => c.Reference);
            int header = HeaderRow(cells, sheet!, rows[0][0]);
            for (int r = 1; r < rows.Count; r++)
            {
                for (int c = 0; c < rows[r].Count; c++)
                {
                    var reference = Column(c) + (header + r).ToString(CultureInfo.InvariantCulture);
                    var expected = byReference.TryGetValue(reference, out var cell) ? cell.Text : string.Empty;
                    var actual = rows[r][c];
                    var same = actual == expected || actual == "'" + expected
                        || (double.TryParse(actual, CultureInfo.InvariantCulture, out var a) && double.TryParse(expected, CultureInfo.InvariantCulture, out var e) && a == e);
                    Assert.True(same, $"{Path.GetFileName(csv)} {reference}: csv '{actual}', sheet '{expected}'");
                }
            }
        }

        var tidy = CsvText.Records(Path.Combine(pack.Folder, "tidy.csv"));
        Assert.True(tidy.Count > 500);
        Assert.DoesNotContain(tidy, r => r["unit"] == "count" && IsSmall(r["value"]));
        Assert.Contains(tidy, r => r["unit"] == "count" && r["value"] == "[c]");
    }

    [Fact]
    public void Charts_ShowNoCountFromOneToFive()
    {
        var svgs = Directory.GetFiles(Path.Combine(pack.Folder, "charts"), "*.svg");
        int matrixCells = 0, funnelPoints = 0;
        foreach (var path in svgs)
        {
            var svg = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            foreach (var group in svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "cells"))
            {
                foreach (var text in group.Descendants(ns + "text"))
                {
                    matrixCells++;
                    Assert.False(IsSmall(text.Value), $"{Path.GetFileName(path)}: matrix cell '{text.Value}'");
                }
            }

            foreach (var label in svg.Descendants().Select(e => (string?)e.Attribute("aria-label")).OfType<string>())
            {
                if (OfCount().Match(label) is { Success: true } of)
                {
                    funnelPoints++;
                    Assert.False(IsSmall(of.Groups[1].Value), $"{Path.GetFileName(path)}: '{label}'");
                }

                Assert.False(CellCount().Match(label) is { Success: true } cell && IsSmall(cell.Groups[1].Value), $"{Path.GetFileName(path)}: '{label}'");
            }

            // The description for screen readers repeats the data: the same rule holds there.
            var description = svg.Descendants(ns + "desc").Single().Value;
            Assert.DoesNotMatch(@"(?:Universal|Support|Help|protection) [1-5](?:[,.]|$)", description);
        }

        Assert.True(matrixCells >= 96, $"{matrixCells} matrix cells drawn");
        _ = funnelPoints;
    }

    [Fact]
    public void Briefings_ShowNoCountFromOneToFive()
    {
        int counts = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(pack.Folder, "briefings"), "*.html"))
        {
            var html = File.ReadAllText(path);
            foreach (Match cell in CountCell().Matches(html))
            {
                counts++;
                Assert.False(IsSmall(System.Net.WebUtility.HtmlDecode(cell.Groups[1].Value)), $"{Path.GetFileName(path)}: count cell '{cell.Groups[1].Value}'");
            }
        }

        Assert.True(counts > 100, $"{counts} count cells");
    }

    [Fact]
    public void PublishableOutputs_HoldNoConsultationIdChildKeyOrSourceValue()
    {
        var forbidden = pack.Warehouse.Consultations.SelectMany(c => new[] { c.Id, c.ChildKey }).Concat(["31/02/2026", "30/02/2026", "'XYZ'", "perhaps", "maybe", "DUP-77", "rows 41"]).ToList();
        int scanned = 0;
        foreach (var path in pack.Publishable)
        {
            var text = path.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxCells.AllXml(path) : path.EndsWith(".png", StringComparison.Ordinal) ? string.Empty : File.ReadAllText(path);
            scanned++;
            foreach (var value in forbidden)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{Path.GetFileName(path)} contains '{value}'");
            }
        }

        Assert.True(scanned > 40);
        // The same scan finds them where they belong: the restricted QA workbook.
        var qa = XlsxCells.AllXml(pack.QaWorkbook);
        Assert.Contains(pack.Warehouse.Consultations, c => qa.Contains(c.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Result_CountsTheSuppressedFigures()
    {
        var tidy = CsvText.Records(Path.Combine(pack.Folder, "tidy.csv"));

        Assert.True(pack.Result.PrimarySuppressed > 0 && pack.Result.SecondarySuppressed > 0 && pack.Result.LowReliability > 0);
        Assert.Equal(tidy.Count(r => r["value"] == "[c]"), pack.Result.Suppressed);
        Assert.Equal(tidy.Count(r => r["value"] == "[u]"), pack.Result.LowReliability);
    }

    private static bool IsSmall(string text) =>
        long.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n is >= 1 and <= Threshold;

    private static string? SheetFor(List<XlsxCells.CellInfo> cells, List<string> headers) =>
        cells.GroupBy(c => c.Sheet).FirstOrDefault(sheet =>
        {
            var row = sheet.FirstOrDefault(c => c.Text == headers[0] && c.Reference.StartsWith('A'));
            if (row is null)
            {
                return false;
            }

            var number = row.Reference[1..];
            return headers.Select((h, i) => sheet.Any(c => c.Reference == Column(i) + number && c.Text == h)).All(x => x);
        })?.Key;

    private static int HeaderRow(List<XlsxCells.CellInfo> cells, string sheet, string firstHeader) =>
        int.Parse(cells.First(c => c.Sheet == sheet && c.Text == firstHeader && c.Reference.StartsWith('A')).Reference[1..], CultureInfo.InvariantCulture);

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : ((char)('A' + (index / 26) - 1)).ToString() + (char)('A' + (index % 26));

    [GeneratedRegex(@" of ([\d,]+)$")]
    private static partial Regex OfCount();

    [GeneratedRegex(@"^[^:]+, [^:]+: (\d+)$")]
    private static partial Regex CellCount();

    [GeneratedRegex("<td class=\"count\">([^<]*)</td>")]
    private static partial Regex CountCell();
}
