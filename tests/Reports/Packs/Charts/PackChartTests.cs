using System.Xml.Linq;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs.Charts;

/// <summary>The month's charts: SVG and PNG, titles that state the finding, source and period, gaps with a note.</summary>
[Collection(SharedPack.Name)]
public sealed class PackChartTests(PackOutput pack)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private string ChartFolder => Path.Combine(pack.Folder, "charts");

    [LibrsvgFact]
    public void EveryChart_IsWrittenAsSvgAndPng()
    {
        var svgs = Directory.GetFiles(ChartFolder, "*.svg").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var pngs = Directory.GetFiles(ChartFolder, "*.png").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        Assert.Equal(svgs, pngs);
        Assert.Contains("agreement-by-locality", svgs);
        Assert.Contains("funnel-agreement-by-locality", svgs);
        Assert.Contains("trend-agreement", svgs);
        Assert.Contains("level-mix-by-locality", svgs);
        Assert.Contains("matrix-partnership", svgs);
        Assert.Contains("matrix-RUG", svgs);
        foreach (var png in Directory.GetFiles(ChartFolder, "*.png"))
        {
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(png)[..4]);
        }

        Warehouse.Reports.Tests.Charts.ChartOutput.Keep("pack-funnel-agreement-by-locality.png", File.ReadAllBytes(Path.Combine(ChartFolder, "funnel-agreement-by-locality.png")));
        Warehouse.Reports.Tests.Charts.ChartOutput.Keep("pack-matrix-RUG.png", File.ReadAllBytes(Path.Combine(ChartFolder, "matrix-RUG.png")));
        Warehouse.Reports.Tests.Charts.ChartOutput.Keep("pack-agreement-by-locality.png", File.ReadAllBytes(Path.Combine(ChartFolder, "agreement-by-locality.png")));
        Warehouse.Reports.Tests.Charts.ChartOutput.Keep("pack-trend-agreement.png", File.ReadAllBytes(Path.Combine(ChartFolder, "trend-agreement.png")));
    }

    [Fact]
    public void EveryChart_NamesItsSourceAndPeriod_AndSaysWhatIsNotShown()
    {
        foreach (var path in Directory.GetFiles(ChartFolder, "*.svg"))
        {
            var svg = XDocument.Load(path);
            var text = string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value));
            var title = svg.Root!.Element(Svg + "title")!.Value;

            Assert.Contains("Source: Warwickshire front-door consultations and Annex A returns", text, StringComparison.Ordinal);
            Assert.Matches("(January|February|March|April|May|June|July|August|September|October|November|December) 20[0-9]{2}", text);
            Assert.False(string.IsNullOrWhiteSpace(title));
            var hidden = svg.Descendants(Svg + "text").Any(t => t.Value.Contains("not shown", StringComparison.Ordinal) || t.Value is "[c]" or "[u]" or "[x]");
            if (hidden && !Path.GetFileName(path).StartsWith("matrix-", StringComparison.Ordinal))
            {
                Assert.True(text.Contains(ChartNotes.Gaps, StringComparison.Ordinal) || text.Contains("Not shown (suppressed or unavailable)", StringComparison.Ordinal), $"{Path.GetFileName(path)} hides values without a note");
            }
        }
    }

    [Fact]
    public void FunnelPlot_DrawsItsLimits_AndLabelsItsUnits()
    {
        var svg = XDocument.Load(Path.Combine(ChartFolder, "funnel-agreement-by-locality.svg"));
        var limits = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "limits");
        var labels = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "points").Descendants(Svg + "text").Select(t => t.Value).ToList();
        var text = string.Join("\n", svg.Descendants(Svg + "text").Select(t => t.Value));

        Assert.Equal(4, limits.Elements(Svg + "polyline").Count());
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Contains(l, new[] { "North Warwickshire", "Nuneaton and Bedworth", "Rugby", "Stratford-on-Avon", "Warwick" }));
        Assert.Contains("95% limits", text, StringComparison.Ordinal);
        Assert.Contains("99.8% limits", text, StringComparison.Ordinal);
        Assert.Contains("Assessable consultations in the locality", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildCharts_WritesOnlyChartsAndBriefings_WithTheSameFigures()
    {
        using var temp = new TempFolder();
        var options = pack.Options with { OutputFolder = Path.Combine(temp.Path, "out"), RestrictedFolder = Path.Combine(temp.Path, "restricted"), RenderPng = false };

        var result = PackBuilder.BuildCharts(pack.Warehouse.Connection, pack.Warehouse.RunId, options, FixedClock.Default);

        Assert.All(result.Files, f => Assert.True(f.Path.EndsWith(".svg", StringComparison.Ordinal) || f.Path.EndsWith(".html", StringComparison.Ordinal), f.Path));
        Assert.False(Directory.Exists(options.RestrictedFolder));
        foreach (var file in result.Files)
        {
            var same = Path.Combine(pack.Folder, Path.GetRelativePath(Path.Combine(options.OutputFolder, "warwickshire", "2026-10"), file.Path));
            Assert.Equal(File.ReadAllText(same), File.ReadAllText(file.Path));
        }

        Assert.Equal(pack.Result.Suppressed, result.Suppressed);
    }
}
