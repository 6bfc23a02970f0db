using Warehouse.Reports.Charts;

namespace Warehouse.Reports.Tests.Charts;

/// <summary>One realistic spec per chart kind, shared by the golden, accessibility and rendering tests.</summary>
internal static class SampleCharts
{
    private const string Source = "Source: front door records and Annex A returns, Example partnership, September 2026.";

    public static BarChartSpec Bar() => new(
        new ChartLabels(
            "Agreement is lowest in the City locality",
            "Recommended level matched actual support, by locality, September 2026",
            Source),
        [
            new BarItem("North", 0.7213, 0.6761, 0.7623),
            new BarItem("South & Rural", 0.684, 0.657, 0.71),
            new BarItem("Ynys Môn – Caergybi", null) { Symbol = "[u]" },
            new BarItem("City", 0.552, 0.489, 0.613),
            new BarItem("East <Coast>", 0.801, 0.702, 0.874),
        ],
        ValueFormat.Percent1)
    {
        ValueName = "Agreement rate",
        Reference = new ReferenceLine(0.684, "Partnership"),
        ValueAxisTitle = "Agreement rate",
        DomainMin = 0,
        DomainMax = 1,
    };

    public static FunnelPlotSpec Funnel()
    {
        const double target = 0.68;
        var limits = new List<FunnelLimit>();
        foreach (var n in new[] { 20, 30, 40, 60, 80, 100, 150, 200, 300, 400, 600, 800, 1000, 1300 })
        {
            // Normal approximation around the target; the analytics supply the real limits.
            var se = Math.Sqrt(target * (1 - target) / n);
            limits.Add(new FunnelLimit(n, target - (1.959963984540054 * se), target + (1.959963984540054 * se), target - (3.090232306167813 * se), target + (3.090232306167813 * se)));
        }

        return new FunnelPlotSpec(
            new ChartLabels("One locality is below the range expected by chance", "Agreement rate by number of assessable consultations, localities, September 2026", Source),
            [
                new FunnelPoint("North", 412, 0.7213),
                new FunnelPoint("South & Rural", 1205, 0.684),
                new FunnelPoint("City", 640, 0.621, FunnelFlag.Below),
                new FunnelPoint("East", 180, 0.75, FunnelFlag.High),
                new FunnelPoint("Ynys Môn", 14, null),
            ],
            target,
            limits,
            ValueFormat.Percent1)
        {
            TargetLabel = "Partnership",
            XAxisTitle = "Assessable consultations",
            YAxisTitle = "Agreement rate",
        };
    }

    public static LineChartSpec Line()
    {
        string[] months = ["Oct 25", "Nov 25", "Dec 25", "Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26", "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26"];
        double?[] agreement = [0.65, 0.655, 0.66, 0.662, null, 0.668, 0.671, 0.675, 0.68, 0.684, 0.69, 0.693, 0.70];
        double?[] serious = [0.03, 0.028, 0.027, 0.027, null, 0.025, 0.024, null, 0.022, 0.021, 0.02, 0.02, 0.019];
        return new LineChartSpec(
            new ChartLabels("Agreement rose steadily over the year", "Agreement rate and serious under-response rate, monthly, October 2025 to October 2026", Source),
            months,
            [new LineSeries("Agreement rate", agreement), new LineSeries("Serious under-response", serious)],
            ValueFormat.Percent1)
        {
            YAxisTitle = "Rate",
            DomainMin = 0,
            DomainMax = 1,
            ProvisionalFrom = 12,
        };
    }

    public static StackedBarChartSpec Stacked() => new(
        new ChartLabels("Most consultations are recommended for early help", "Share of consultations by recommended level, by locality, September 2026", Source),
        ["North", "South & Rural", "City", "Ynys Môn"],
        [
            new StackSegment("Universal", [0.20, 0.25, 0.18, null]),
            new StackSegment("Early help", [0.45, 0.40, 0.42, null]),
            new StackSegment("Section 17", [0.25, 0.22, 0.28, 0.5]),
            new StackSegment("Section 47", [0.10, 0.13, 0.12, 0.5]),
        ],
        ValueFormat.Percent1)
    {
        ValueAxisTitle = "Share of consultations",
        DomainMax = 1,
    };

    public static HeatMapSpec Heat()
    {
        string[] levels = ["Universal", "Early help", "Section 17", "Section 47"];
        int?[,] counts = { { 120, 14, 3, 0 }, { 22, 310, 41, 6 }, { 0, 35, 198, 27 }, { null, 8, 30, 142 } };
        var cells = Enumerable.Range(0, 4).Select(r => (IReadOnlyList<HeatMapCell>)Enumerable.Range(0, 4).Select(c =>
        {
            var count = counts[r, c];
            // Counts of 1 to 5 are suppressed: no shade, [c] printed.
            return count is null or (>= 1 and <= 5)
                ? new HeatMapCell(null, "[c]")
                : new HeatMapCell(count, count.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }).ToArray()).ToArray();
        return new HeatMapSpec(
            new ChartLabels("Most differences are one level apart", "Consultations by recommended and actual level, September 2026", Source),
            levels,
            levels,
            cells)
        {
            RowAxisTitle = "Recommended",
            ColumnAxisTitle = "Actual support provided",
        };
    }

    public static IEnumerable<(string Name, string Svg)> All()
    {
        yield return ("bar", BarChart.Render(Bar()));
        yield return ("funnel", FunnelPlot.Render(Funnel()));
        yield return ("line", LineChart.Render(Line()));
        yield return ("stacked", StackedBarChart.Render(Stacked()));
        yield return ("heatmap", HeatMap.Render(Heat()));
    }
}
