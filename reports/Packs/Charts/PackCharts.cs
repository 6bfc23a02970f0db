using System.Globalization;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Packs.Monthly;
using ChartFunnelFlag = Warehouse.Reports.Charts.FunnelFlag;
using ChartFunnelPlot = Warehouse.Reports.Charts.FunnelPlot;
using ChartFunnelPoint = Warehouse.Reports.Charts.FunnelPoint;
using StatsFunnelPlot = Warehouse.Analytics.Statistics.FunnelPlot;

namespace Warehouse.Reports.Packs.Charts;

/// <summary>
/// The charts of the month's output (SVG, and PNG beside them), drawn from published figures only:
/// a figure disclosure control hid is a gap with a note, never a zero. Titles state the finding,
/// subtitles what and when, and every chart names its source and period.
/// </summary>
internal static class PackCharts
{
    private const string Comparison = "recommended_to_actual";

    public static IReadOnlyList<PackChartFile> Build(PackPlan plan, PublishedFigures figures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(figures);
        var context = new ChartContext(plan.Data, figures);
        var charts = new List<PackChartFile>
        {
            AgreementByLocality(context),
            Trend(context),
            Consultations(context),
            LevelMix(context),
        };
        charts.AddRange(new[] { ("agreement", "Agreement"), ("under", "Under-response") }.Select(m => Funnel(context, m.Item1, m.Item2)).OfType<PackChartFile>());
        charts.AddRange(Matrices(context));
        return charts;
    }

    private static PackChartFile AgreementByLocality(ChartContext x)
    {
        var items = x.Localities.Select(l =>
        {
            var key = x.Key(l, "agreement");
            return new BarItem(x.Data.LocalityName(l), x.Proportion(key), x.Proportion(key, FigurePart.Lower), x.Proportion(key, FigurePart.Upper)) { Symbol = x.Symbol(key) };
        }).ToList();
        var total = x.Key(null, "agreement");
        var shown = items.Where(i => i.Value is not null).OrderBy(i => i.Value).ToList();
        var title = shown.Count switch
        {
            0 => $"Agreement by locality cannot be shown for {x.ConsistencyMonth}: the figures are suppressed or too few",
            1 => $"Agreement in {shown[0].Label} was {Percent(shown[0].Value)} in {x.ConsistencyMonth}",
            _ => $"Agreement was highest in {shown[^1].Label} ({Percent(shown[^1].Value)}) and lowest in {shown[0].Label} ({Percent(shown[0].Value)})",
        };
        var spec = new BarChartSpec(x.Words(title, $"Agreement between recommended and actual level (%), with 95% confidence intervals, by locality, {x.ConsistencyMonth}"), items, ValueFormat.Percent1)
        {
            ValueName = "Agreement",
            Reference = x.Proportion(total) is { } partnership ? new ReferenceLine(partnership, $"{x.Data.PartnershipName} (all)") : null,
            ValueAxisTitle = "Assessable consultations where the actual level equalled the recommended level",
            DomainMin = 0,
            DomainMax = 1,
        };
        return new PackChartFile("agreement-by-locality", title, BarChart.Render(spec));
    }

    private static PackChartFile Trend(ChartContext x)
    {
        var months = x.Data.Run.TrendMonths.ToList();
        var categories = months.Select(Labels.MonthCode).ToList();
        List<double?> Series(string measure) => months.Select(m => x.MonthRate(m, measure)).ToList();
        var agreement = Series("agreement");
        var under = Series("under");
        int? provisional = x.Data.Run.ConsistencyPeriod is DateOnly c && months.IndexOf(c) is var i && i >= 0 && i < months.Count - 1 ? i + 1 : null;
        string title;
        if (x.Data.Run.ConsistencyPeriod is DateOnly cp && x.MonthRate(cp, "agreement") is { } now)
        {
            var before = x.MonthRate(cp.AddMonths(-12), "agreement");
            title = before is { } then
                ? $"Agreement was {Percent(now)} in {Labels.Month(cp)}, against {Percent(then)} a year before"
                : $"Agreement was {Percent(now)} in {Labels.Month(cp)}";
        }
        else
        {
            title = "Agreement over the last 13 months: the latest complete month cannot be shown";
        }

        var spec = new LineChartSpec(
            x.Words(title, $"Agreement and under-response between recommended and actual level (%), by month, {Labels.Month(months[0])} to {Labels.Month(months[^1])}"),
            categories,
            [new LineSeries("Agreement", agreement), new LineSeries("Under-response", under)],
            ValueFormat.Percent1)
        {
            YAxisTitle = "Percentage of assessable consultations",
            DomainMin = 0,
            DomainMax = 1,
            ProvisionalFrom = provisional,
        };
        return new PackChartFile("trend-agreement", title, LineChart.Render(spec));
    }

    private static PackChartFile Consultations(ChartContext x)
    {
        var months = x.Data.Run.TrendMonths.ToList();
        var values = months.Select(m => x.Value(x.MonthKey(m, null, "consultations"))).ToList();
        var latest = values[^1];
        var yearBefore = values.Count == 13 ? values[0] : null;
        var title = latest is { } n
            ? yearBefore is { } y ? $"{Count(n)} consultations in {Labels.Month(months[^1])}, against {Count(y)} a year before" : $"{Count(n)} consultations in {Labels.Month(months[^1])}"
            : $"Consultations by month: {Labels.Month(months[^1])} cannot be shown";
        var spec = new LineChartSpec(x.Words(title, $"Consultations with the front door, by month, {Labels.Month(months[0])} to {Labels.Month(months[^1])}"),
            months.Select(Labels.MonthCode).ToList(), [new LineSeries("Consultations", values)], ValueFormat.Integer)
        {
            YAxisTitle = "Consultations",
            DomainMin = 0,
        };
        return new PackChartFile("trend-consultations", title, LineChart.Render(spec));
    }

    private static PackChartFile LevelMix(ChartContext x)
    {
        var groups = x.MatrixGroups();
        var categories = groups.Select(g => g.Grouping == "partnership" ? $"{x.Data.PartnershipName} (all)" : x.Data.LocalityName(g.Group)).ToList();
        var segments = Enumerable.Range(1, 4).Select(level => new StackSegment(
            $"{level}: {x.Data.LevelName(level)}",
            groups.Select(g => x.Proportion(new FigureId(g.Period, g.Grouping, g.Group, Comparison, $"actual_level_{level}_share").Key)).ToList())).ToList();
        var partnership = Enumerable.Range(1, 4)
            .Select(level => (Level: level, Share: groups.Count > 0 && groups[0].Grouping == "partnership" ? segments[level - 1].Values[0] : null))
            .Where(p => p.Share is not null)
            .OrderByDescending(p => p.Share)
            .FirstOrDefault();
        var title = partnership.Share is { } share
            ? $"Most support provided was at level {partnership.Level}, {x.Data.LevelName(partnership.Level)} ({Percent(share)} of assessable consultations)"
            : "The mix of levels provided cannot be shown: the figures are suppressed";
        var spec = new StackedBarChartSpec(x.Words(title, $"Share of assessable consultations at each actual level (%), partnership and localities, {x.ConsistencyMonth}"),
            categories, segments, ValueFormat.Percent1)
        {
            ValueAxisTitle = "Share of assessable consultations",
            DomainMax = 1,
            Size = new ChartSize(960, Math.Max(600, 260 + (categories.Count * 56))),
        };
        return new PackChartFile("level-mix-by-locality", title, StackedBarChart.Render(spec));
    }

    /// <summary>
    /// A funnel over the localities, drawn only when the partnership value it is centred on is published:
    /// the limits follow from it. A unit whose rate or size is not published is left off and named.
    /// </summary>
    private static PackChartFile? Funnel(ChartContext x, string measure, string words)
    {
        var funnel = x.Data.Funnels.FirstOrDefault(f => f.Comparison == Comparison && f.Measure == measure && f.Grouping == "locality");
        if (funnel?.Target is not double target || x.Proportion(x.Key(null, measure)) is null)
        {
            return null;
        }

        var points = x.Localities.Select(l =>
        {
            var rate = x.Key(l, measure);
            var cases = x.Value(x.Key(l, "cases"));
            var value = cases is > 0 ? x.Proportion(rate) : null;
            return new ChartFunnelPoint(x.Data.LocalityName(l), cases ?? 0, value, Flag(x.Figures.Flag(rate)));
        }).ToList();
        long largest = (long)Math.Max(10, Math.Ceiling(points.Where(p => p.Value is not null).Select(p => p.Denominator).DefaultIfEmpty(10).Max() * 1.15));
        var limits = StatsFunnelPlot.Curve(target, 1, largest, 120, funnel.Tau2)
            .Select(p => new FunnelLimit(p.Size, p.Limits.Lower95, p.Limits.Upper95, p.Limits.Lower998, p.Limits.Upper998))
            .ToList();
        var plotted = points.Where(p => p.Value is not null).ToList();
        var flagged = plotted.Where(p => p.Flag is ChartFunnelFlag.Above or ChartFunnelFlag.Below).Select(p => $"{p.Label} ({(p.Flag == ChartFunnelFlag.Above ? "above" : "below")})").ToList();
        var warned = plotted.Where(p => p.Flag is ChartFunnelFlag.High or ChartFunnelFlag.Low).Select(p => p.Label).ToList();
        var lower = words.ToLower(CultureInfo.GetCultureInfo("en-GB"));
        var title = plotted.Count == 0 ? $"{words} by locality: no locality can be shown"
            : flagged.Count > 0 ? $"{words} is outside the 99.8% limits in {string.Join(" and ", flagged)}"
            : warned.Count > 0 ? $"{words} is between the 95% and 99.8% limits in {string.Join(" and ", warned)}; no locality is outside the 99.8% limits"
            : $"Every locality shown has {lower} within the 95% limits around the partnership";
        var spec = new FunnelPlotSpec(
            x.Words(title, $"{words} (%) against the number of assessable consultations, by locality, with 95% and 99.8% control limits around the partnership value, {x.ConsistencyMonth}")
            with { Notes = [funnel.Note] },
            points, target, limits, ValueFormat.Percent1)
        {
            TargetLabel = $"{x.Data.PartnershipName} (all)",
            XAxisTitle = "Assessable consultations in the locality",
            YAxisTitle = $"{words} (%)",
        };
        return new PackChartFile($"funnel-{measure.Replace('_', '-')}-by-locality", title, ChartFunnelPlot.Render(spec));
    }

    private static IEnumerable<PackChartFile> Matrices(ChartContext x)
    {
        foreach (var group in x.MatrixGroups())
        {
            var name = group.Grouping == "partnership" ? x.Data.PartnershipName : x.Data.LocalityName(group.Group);
            FigureId Id(string measure) => new(group.Period, group.Grouping, group.Group, Comparison, measure);
            var cells = Enumerable.Range(1, 4).Select(r => (IReadOnlyList<HeatMapCell>)Enumerable.Range(1, 4).Select(c =>
            {
                var key = Id($"level_{r}_to_{c}").Key;
                return new HeatMapCell(x.Value(key), x.Figures.Has(key) ? x.Figures.Text(key) : "[x]");
            }).ToList()).ToList();
            var agreement = x.Value(Id("agreement").Key);
            var title = agreement is { } a
                ? $"In {name}, {a.ToString("0.0", CultureInfo.InvariantCulture)}% of assessable consultations received the recommended level"
                : $"In {name}, agreement between recommended and actual level cannot be shown";
            var spec = new HeatMapSpec(
                x.Words(title, $"Assessable consultations by recommended level (rows) and actual level (columns), {name}, {x.ConsistencyMonth}"),
                Enumerable.Range(1, 4).Select(l => $"{l}: {x.Data.LevelName(l)}").ToList(),
                Enumerable.Range(1, 4).Select(l => $"{l}: {x.Data.LevelName(l)}").ToList(),
                cells)
            {
                RowAxisTitle = "Recommended level",
                ColumnAxisTitle = "Actual level",
                Size = new ChartSize(960, 640),
            };
            var file = group.Grouping == "partnership" ? "matrix-partnership" : $"matrix-{PackPaths.Safe(group.Group)}";
            yield return new PackChartFile(file, title, HeatMap.Render(spec), group.Grouping == "locality" ? group.Group : null);
        }
    }

    private static ChartFunnelFlag Flag(string? flag) => flag switch
    {
        "high" => ChartFunnelFlag.High,
        "low" => ChartFunnelFlag.Low,
        "above" => ChartFunnelFlag.Above,
        "below" => ChartFunnelFlag.Below,
        _ => ChartFunnelFlag.Within,
    };

    private static string Percent(double? proportion) => ValueFormat.Percent1.Format(proportion ?? 0);

    private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
