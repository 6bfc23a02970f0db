using System.Xml.Linq;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Charts;

public sealed class ChartGoldenTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Kinds => ["bar", "funnel", "line", "stacked", "heatmap"];

    private static string Render(string kind) => SampleCharts.All().Single(c => c.Name == kind).Svg;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_MatchesGolden(string kind)
    {
        var svg = Render(kind);
        ChartOutput.Keep(kind + ".svg", System.Text.Encoding.UTF8.GetBytes(svg));

        Golden.Verify($"Charts/{kind}.svg", svg);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_IsDeterministic(string kind) => Assert.Equal(Render(kind), Render(kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Svg_IsAccessible_TitleDescRealTextAtLeast16px_AndASourceFootnote(string kind)
    {
        var document = XDocument.Parse(Render(kind));
        var root = document.Root!;
        var title = root.Element(Svg + "title");
        var desc = root.Element(Svg + "desc");
        var texts = root.Descendants(Svg + "text").ToArray();

        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(title);
        Assert.NotNull(desc);
        Assert.Equal($"{title.Attribute("id")!.Value} {desc.Attribute("id")!.Value}", (string?)root.Attribute("aria-labelledby"));
        Assert.True(desc.Value.Length > 80, "the description should carry the data");
        Assert.All(texts, t => Assert.True(double.Parse(t.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= 16, $"text '{t.Value}' is smaller than 16px"));
        Assert.Contains(texts, t => t.Value.StartsWith("Source:", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Value == title.Value || title.Value.StartsWith(t.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void LineChart_DrawsAGap_NotAZero_AndSaysSo()
    {
        var document = XDocument.Parse(LineChart.Render(SampleCharts.Line()));
        var series = document.Descendants(Svg + "g").First(g => (string?)g.Attribute("aria-label") == "Agreement rate");
        var lines = series.Elements(Svg + "polyline").ToArray();
        var markers = series.Elements(Svg + "circle").ToArray();

        // February is missing: the firm line breaks into two runs (Oct-Jan, Mar-Sep) plus the provisional dash.
        Assert.Equal(3, lines.Length);
        Assert.Equal(12, markers.Length);
        Assert.DoesNotContain(markers, m => ((string)m.Attribute("aria-label")!).StartsWith("Feb 26", StringComparison.Ordinal));
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value.StartsWith("Gaps are suppressed or unavailable values", StringComparison.Ordinal));
        Assert.Equal("8 5", (string?)lines[2].Attribute("stroke-dasharray"));
    }

    [Fact]
    public void LineChart_WithoutGaps_HasNoGapNote()
    {
        var spec = SampleCharts.Line() with { Series = [new LineSeries("Rate", Enumerable.Range(0, 13).Select(i => (double?)(0.5 + (i * 0.01))).ToArray())], ProvisionalFrom = null };

        Assert.DoesNotContain("Gaps are suppressed", LineChart.Render(spec), StringComparison.Ordinal);
    }

    [Fact]
    public void BarChart_MissingValue_IsNotAZeroBar()
    {
        var document = XDocument.Parse(BarChart.Render(SampleCharts.Bar()));
        var bars = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "bars");

        Assert.Equal(4, bars.Elements(Svg + "rect").Count());
        Assert.Contains(bars.Elements(Svg + "text"), t => t.Value == "[u] not shown");
        Assert.Contains("Ynys Môn – Caergybi: [u] (not shown)", document.Root!.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IsEscaped()
    {
        var svg = BarChart.Render(SampleCharts.Bar());

        Assert.Contains("East &lt;Coast&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("South &amp; Rural", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_UseTheInvariantCulture_WhateverTheMachineCulture()
    {
        var original = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(Render("funnel"), FunnelPlot.Render(SampleCharts.Funnel()));
            Assert.DoesNotContain("72,1%", FunnelPlot.Render(SampleCharts.Funnel()), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void HeatMap_PrintsEveryCount_AndLeavesSuppressedCellsUnshaded()
    {
        var document = XDocument.Parse(HeatMap.Render(SampleCharts.Heat()));
        var cells = document.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "cells");
        var rects = cells.Elements(Svg + "rect").Take(16).ToArray();
        var texts = cells.Elements(Svg + "text").Select(t => t.Value).ToArray();

        Assert.Equal(16, texts.Length);
        Assert.Equal("310", texts[5]);
        Assert.Equal("[c]", texts[2]);
        Assert.Equal("#FFFFFF", (string?)rects[2].Attribute("fill"));
        Assert.Equal("#12436D", (string?)rects[5].Attribute("fill"));
    }

    [Fact]
    public void Palette_UsesTheAnalysisFunctionColours()
    {
        var svg = StackedBarChart.Render(SampleCharts.Stacked());

        foreach (var colour in Palette.Categorical.Take(4))
        {
            Assert.Contains($"fill=\"{colour}\"", svg, StringComparison.Ordinal);
        }
    }
}
