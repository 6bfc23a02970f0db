using System.Globalization;
using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Packs.Charts;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Packs.Monthly;

namespace Warehouse.Reports.Briefings;

/// <summary>
/// One self-contained HTML page per locality for its Family Help Network meeting: the locality set
/// against the partnership and the other localities, the charts inline as SVG, each followed by its
/// data as a table (the accessible alternative), and print styles for A4. No scripts, no external
/// resources, and only published figures.
/// </summary>
internal static class LocalityBriefing
{
    private const string Comparison = "recommended_to_actual";

    public static string Build(PackPlan plan, PublishedFigures figures, IReadOnlyList<PackChartFile> charts, string locality, PackOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(charts);
        var data = plan.Data;
        var run = data.Run;
        var name = data.LocalityName(locality);
        var context = new ChartContext(data, figures);
        var c = run.ConsistencyPeriod;
        var consistency = context.ConsistencyMonth;
        var title = $"{name} locality briefing: {Labels.Month(run.Period)}";
        var html = new HtmlText();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text(title).Raw("</title>\n<style>\n").Raw(BriefingStyles.Css).Raw("\n</style>\n</head>\n<body>\n<header>\n")
            .Element("p", PackSheets.Classification, "marking")
            .Element("h1", title)
            .Element("p", $"For the {name} Family Help Network meeting. {data.PartnershipName}: consultations in {Labels.Month(run.Period)}; consistency of recommended and actual levels in {consistency}, the latest month with every actual level known at the data cut-off ({Labels.Date(run.DataCutOff)}).", "lede")
            .Raw("</header>\n<main>\n");

        html.Raw("<section>\n").Element("h2", "Key figures");
        Table(html, KeyFigures(plan, figures, context, locality));
        html.Raw("</section>\n");

        foreach (var chart in charts.Where(ch => ch.Locality is null || ch.Locality == locality).OrderBy(ch => Order(ch.Name)))
        {
            if (chart.Name == "matrix-partnership" || (chart.Name.StartsWith("matrix-", StringComparison.Ordinal) && chart.Locality != locality))
            {
                continue;
            }

            html.Raw("<section class=\"chart\">\n").Element("h2", Topic(chart.Name))
                .Raw("<figure>\n").Raw(InlineSvg(chart.Svg)).Raw("\n<figcaption>").Text("The chart's data are in the table below.").Raw("</figcaption>\n</figure>\n");
            if (Alternative(chart, plan, figures, context, locality) is { } table)
            {
                Table(html, table);
            }

            html.Raw("</section>\n");
        }

        html.Raw("<section>\n").Element("h2", "Notes").Raw("<ul class=\"notes\">\n");
        foreach (var note in Notes(plan, options))
        {
            html.Element("li", note);
        }

        html.Raw("</ul>\n</section>\n</main>\n<footer>\n")
            .Element("p", $"{PackSheets.Classification}. Source: {data.PartnershipName} front-door consultations and Annex A returns, check run {run.RunId}. Produced by Warehouse version {options.SoftwareVersion} on {Labels.Date(DateOnly.FromDateTime(now.UtcDateTime))}. Publisher: {options.Publisher}. Contact: {options.Contact}.")
            .Raw("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The section heading: what the chart is about (the chart's own title states the finding).</summary>
    private static string Topic(string chart) => chart switch
    {
        "agreement-by-locality" => "Agreement by locality",
        "funnel-agreement-by-locality" => "Agreement against the partnership: funnel plot",
        "funnel-under-by-locality" => "Under-response against the partnership: funnel plot",
        "level-mix-by-locality" => "Mix of levels provided",
        "trend-agreement" => "Agreement over 13 months (partnership)",
        "trend-consultations" => "Consultations over 13 months (partnership)",
        _ when chart.StartsWith("matrix-", StringComparison.Ordinal) => "Recommended against actual level in this locality",
        _ => "Chart",
    };

    private static int Order(string chart) => chart switch
    {
        "agreement-by-locality" => 0,
        "funnel-agreement-by-locality" => 1,
        "funnel-under-by-locality" => 2,
        _ when chart.StartsWith("matrix-", StringComparison.Ordinal) => 3,
        "level-mix-by-locality" => 4,
        "trend-agreement" => 5,
        "trend-consultations" => 6,
        _ => 7,
    };

    /// <summary>The SVG without its XML declaration, so it can sit inside the page.</summary>
    private static string InlineSvg(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? string.Empty : svg[start..];
    }

    private static BriefingTable KeyFigures(PackPlan plan, PublishedFigures figures, ChartContext context, string locality)
    {
        var data = plan.Data;
        var run = data.Run;
        var others = context.Localities.Where(l => l != locality).ToList();
        var rows = new List<IReadOnlyList<BriefingCell>>();
        void Row(string measure, DateOnly? period, Func<string, string, CellKey> key, bool count, bool interval = false, bool flag = false)
        {
            if (period is null)
            {
                return;
            }

            var own = key("locality", locality);
            var all = key("partnership", run.Partnership);
            if (!figures.Has(own) && !figures.Has(all))
            {
                return;
            }

            var kind = count ? BriefingCellKind.Count : BriefingCellKind.Number;
            var peers = others.Select(o => key("locality", o)).Where(figures.Has).Select(k => (Value: figures.Value(k), Text: figures.Text(k))).ToList();
            var shown = peers.Where(p => p.Value is not null).OrderBy(p => p.Value).ToList();
            var range = shown.Count == 0 ? "not shown" : shown.Count == 1 ? shown[0].Text : $"{shown[0].Text} to {shown[^1].Text}";
            if (peers.Count > shown.Count && shown.Count > 0)
            {
                range += $" ({peers.Count - shown.Count} not shown)";
            }

            rows.Add(
            [
                new(measure),
                new(Describe(figures, own, interval, flag), kind),
                new(Describe(figures, all, interval, false), kind),
                new(range, kind),
                new(Labels.Month(period.Value)),
            ]);
        }

        var c = run.ConsistencyPeriod;
        CellKey Agreement(string measure, string grouping, string group) => new FigureId(c ?? run.Period, grouping, group, Comparison, measure).Key;
        CellKey Measure(DateOnly period, string measure, string grouping, string group) => new FigureId(period, grouping, group, null, measure).Key;
        Row("Consultations", run.Period, (g, v) => Measure(run.Period, "consultations", g, v), count: true);
        Row("Consultations per 10,000 children aged 0 to 17", run.Period, (g, v) => Measure(run.Period, "consultations_per_10000_children", g, v), count: false, interval: true);
        Row("Assessable consultations (recommended and actual level known)", c, (g, v) => Agreement("cases", g, v), count: true);
        Row("Agreement: actual level equal to the recommended level", c, (g, v) => Agreement("agreement", g, v), count: false, interval: true, flag: true);
        Row("Linear-weighted kappa", c, (g, v) => Agreement("kappa_linear", g, v), count: false, interval: true);
        Row("Under-response: actual level below the recommended level", c, (g, v) => Agreement("under", g, v), count: false, interval: true, flag: true);
        Row("Over-response: actual level above the recommended level", c, (g, v) => Agreement("over", g, v), count: false, interval: true);
        Row($"Consultations followed by a referral within {run.WindowDays} days", run.WindowPeriod, (g, v) => Measure(run.WindowPeriod, "conversion_to_referral", g, v), count: false, interval: true);
        Row($"Decisions within {run.DecisionWorkingDays} working day{(run.DecisionWorkingDays == 1 ? string.Empty : "s")}", run.Period, (g, v) => Measure(run.Period, "decisions_within_limit", g, v), count: false, interval: true);
        if (c is DateOnly cp)
        {
            Row("Step-up from the child's previous actual level", cp, (g, v) => Measure(cp, "step_up", g, v), count: false, interval: true);
            Row("Step-down from the child's previous actual level", cp, (g, v) => Measure(cp, "step_down", g, v), count: false, interval: true);
        }

        return new BriefingTable(
            $"Key figures for {data.LocalityName(locality)} against the partnership and the other localities (95% confidence intervals in brackets; funnel position against the partnership)",
            ["Measure", data.LocalityName(locality), $"{data.PartnershipName} (all)", "Other localities (lowest to highest shown)", "Month"],
            rows);
    }

    private static string Describe(PublishedFigures figures, CellKey key, bool interval, bool flag)
    {
        if (!figures.Has(key))
        {
            return "[x]";
        }

        var text = figures.Text(key);
        if (figures.Value(key) is null)
        {
            return text;
        }

        if (interval && figures.Value(key, FigurePart.Lower) is not null && figures.Value(key, FigurePart.Upper) is not null)
        {
            text += $" ({figures.Text(key, FigurePart.Lower)} to {figures.Text(key, FigurePart.Upper)})";
        }

        if (flag && figures.Flag(key) is { } position)
        {
            text += $"; {position}";
        }

        var markers = figures.Markers(key);
        if (markers.HasFlag(FigureMarkers.Provisional))
        {
            text += " [p]";
        }

        if (markers.HasFlag(FigureMarkers.Revised))
        {
            text += " [r]";
        }

        return text;
    }

    /// <summary>The chart's data as a table.</summary>
    private static BriefingTable? Alternative(PackChartFile chart, PackPlan plan, PublishedFigures figures, ChartContext context, string locality)
    {
        var data = plan.Data;
        int? Highlight(IEnumerable<string> units) => units.ToList().IndexOf(locality) is var i && i >= 0 ? i : null;
        string Name(string l) => data.LocalityName(l) + (l == locality ? " (this locality)" : string.Empty);
        switch (chart.Name)
        {
            case "agreement-by-locality":
                return new BriefingTable(
                    $"Agreement by locality, {context.ConsistencyMonth}",
                    ["Locality", "Assessable consultations", "Agreement", "Lower 95% limit", "Upper 95% limit"],
                    context.Localities.Select(l => (IReadOnlyList<BriefingCell>)
                    [
                        new(Name(l)), new(figures.Text(context.Key(l, "cases")), BriefingCellKind.Count), new(figures.Text(context.Key(l, "agreement")), BriefingCellKind.Number),
                        new(figures.Text(context.Key(l, "agreement"), FigurePart.Lower), BriefingCellKind.Number), new(figures.Text(context.Key(l, "agreement"), FigurePart.Upper), BriefingCellKind.Number),
                    ]).ToList(),
                    Highlight(context.Localities));
            case "funnel-agreement-by-locality" or "funnel-under-by-locality":
                var measure = chart.Name.Contains("agreement", StringComparison.Ordinal) ? "agreement" : "under";
                return new BriefingTable(
                    $"{(measure == "agreement" ? "Agreement" : "Under-response")} by locality against the partnership's funnel limits, {context.ConsistencyMonth}",
                    ["Locality", "Assessable consultations", measure == "agreement" ? "Agreement" : "Under-response", "Position against the partnership"],
                    context.Localities.Select(l => (IReadOnlyList<BriefingCell>)
                    [
                        new(Name(l)), new(figures.Text(context.Key(l, "cases")), BriefingCellKind.Count), new(figures.Text(context.Key(l, measure)), BriefingCellKind.Number),
                        new(figures.Value(context.Key(l, measure)) is null ? figures.Text(context.Key(l, measure)) : figures.Flag(context.Key(l, measure)) ?? "[x]"),
                    ]).ToList(),
                    Highlight(context.Localities));
            case "level-mix-by-locality":
                var groups = context.MatrixGroups();
                return new BriefingTable(
                    $"Share of assessable consultations at each actual level, {context.ConsistencyMonth}",
                    ["Group", .. Enumerable.Range(1, 4).Select(l => $"{l}: {data.LevelName(l)}")],
                    groups.Select(g => (IReadOnlyList<BriefingCell>)
                    [
                        new(g.Grouping == "partnership" ? $"{data.PartnershipName} (all)" : Name(g.Group)),
                        .. Enumerable.Range(1, 4).Select(level => new BriefingCell(figures.Text(new FigureId(g.Period, g.Grouping, g.Group, Comparison, $"actual_level_{level}_share").Key), BriefingCellKind.Number)),
                    ]).ToList(),
                    groups.Select(g => g.Group).ToList().IndexOf(locality) is var h && h >= 0 ? h : null);
            case "trend-agreement":
                return new BriefingTable(
                    "Agreement and under-response by month, partnership (localities are not broken down by month)",
                    ["Month", "Assessable consultations", "Agreement", "Under-response", "Status"],
                    data.Run.TrendMonths.Select(m =>
                    {
                        var key = context.MonthKey(m, Comparison, "agreement");
                        var cases = context.MonthKey(m, Comparison, "cases");
                        var under = context.MonthKey(m, Comparison, "under");
                        return (IReadOnlyList<BriefingCell>)
                        [
                            new(Labels.Month(m)),
                            new(figures.Has(cases) ? figures.Text(cases) : "[x]", BriefingCellKind.Count),
                            new(figures.Has(key) ? figures.Text(key) : "[x]", BriefingCellKind.Number),
                            new(figures.Has(under) ? figures.Text(under) : "[x]", BriefingCellKind.Number),
                            new(figures.Has(key) && figures.Markers(key).HasFlag(FigureMarkers.Provisional) ? "[p] provisional" : string.Empty),
                        ];
                    }).ToList());
            case "trend-consultations":
                return new BriefingTable(
                    "Consultations by month, partnership",
                    ["Month", "Consultations"],
                    data.Run.TrendMonths.Select(m =>
                    {
                        var key = context.MonthKey(m, null, "consultations");
                        return (IReadOnlyList<BriefingCell>)[new(Labels.Month(m)), new(figures.Has(key) ? figures.Text(key) : "[x]", BriefingCellKind.Count)];
                    }).ToList());
            default:
                if (chart.Name.StartsWith("matrix-", StringComparison.Ordinal) && chart.Locality is { } l2)
                {
                    var period = data.Run.ConsistencyPeriod ?? data.Run.Period;
                    return new BriefingTable(
                        $"Assessable consultations by recommended level (rows) and actual level (columns), {data.LocalityName(l2)}, {context.ConsistencyMonth}",
                        ["Recommended level", .. Enumerable.Range(1, 4).Select(a => $"Actual {a}: {data.LevelName(a)}"), "All actual levels"],
                        Enumerable.Range(1, 4).Select(r => (IReadOnlyList<BriefingCell>)
                        [
                            new($"{r}: {data.LevelName(r)}"),
                            .. Enumerable.Range(1, 4).Select(a => new BriefingCell(figures.Text(new FigureId(period, "locality", l2, Comparison, $"level_{r}_to_{a}").Key), BriefingCellKind.Count)),
                            new BriefingCell(figures.Text(new FigureId(period, "locality", l2, Comparison, $"reference_level_{r}").Key), BriefingCellKind.Count),
                        ]).ToList());
                }

                return null;
        }
    }

    private static void Table(HtmlText html, BriefingTable table)
    {
        html.Raw("<table>\n").Element("caption", table.Caption).Raw("<thead><tr>");
        foreach (var header in table.Headers)
        {
            html.Raw("<th scope=\"col\">").Text(header).Raw("</th>");
        }

        html.Raw("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            html.Raw(i == table.Highlight ? "<tr class=\"this\">" : "<tr>");
            for (int c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                if (c == 0)
                {
                    html.Raw("<th scope=\"row\">").Text(cell.Text).Raw("</th>");
                    continue;
                }

                var css = cell.Kind switch
                {
                    BriefingCellKind.Count => " class=\"count\"",
                    BriefingCellKind.Number => " class=\"number\"",
                    _ => string.Empty,
                };
                html.Raw("<td").Raw(css).Raw(">").Text(cell.Text).Raw("</td>");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody>\n</table>\n");
    }

    private static IEnumerable<string> Notes(PackPlan plan, PackOptions options)
    {
        yield return "Agreement: the actual level of support provided equalled the level the front door recommended. Under-response: less support than recommended; over-response: more. Only consultations with a recorded recommended level and an actual level recorded or confirmed from Annex A are counted.";
        yield return "Funnel positions compare the locality with the partnership: within (inside the 95% limits), high or low (between the 95% and 99.8% limits: a warning), above or below (outside the 99.8% limits: flagged).";
        yield return string.Create(CultureInfo.InvariantCulture, $"Statistical disclosure control: counts from 1 to {options.Disclosure.Threshold} are shown as [c], with further figures hidden where a [c] value could otherwise be worked out, across this briefing, the other localities' briefings and the month's pack together. Figures on fewer than {options.Disclosure.MinimumCases} cases are [u] (low reliability). Charts leave a gap where a figure is not shown, never a zero.");
        yield return "Symbols: [c] confidential, [u] low reliability, [x] not available, [z] not applicable, [p] provisional (actual levels still partly pending), [r] revised since last month's pack.";
        yield return PackNotes.WorcestershireWarning;
        yield return $"The month's full tables, with definitions, are in the {plan.Data.PartnershipName} pack for {Labels.Month(plan.Data.Run.Period)}.";
    }
}
