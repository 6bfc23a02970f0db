using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private IReadOnlyList<DateOnly> TrendMonths => _run.TrendMonths;

    private const string TrendProvisional =
        "Months after the consistency month have actual levels still pending at the data cut-off: their consistency figures are provisional [p] and will change.";

    /// <summary>The 13-month trend: consultations, and the headline consistency measures for each month.</summary>
    private void Trend()
    {
        const string id = "02-trend";
        var t = _book.Table(id);
        var columns = new List<PackColumn> { PackColumn.Text("Month"), PackColumn.Count("Consultations") };
        columns.AddRange(AgreementColumns("Group", funnel: false).Skip(2));
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var month in TrendMonths)
        {
            var label = MonthCode(month);
            var row = new List<PackValue> { Text(label), OrMissing(MeasureOf("consultations", "month", label, month), m => MeasureCount(t, m)) };
            if (AgreementOf(HeadlineComparison, month, "month", label) is { } r)
            {
                row.AddRange(AgreementCells(t, r, false).Skip(1));
            }
            else
            {
                row.AddRange(Enumerable.Repeat<PackValue>(new SymbolValue("[x]"), columns.Count - 2));
            }

            rows.Add(row);
        }

        AddTable(t, new PackTable(id, "Trend", "Trend_13_months", $"Consultations and the consistency of recommended and actual levels by month, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}", columns, rows)
        {
            Description =
            [
                $"Period: the 13 months to {Labels.Month(Month)}. Consultations by the month they were made; the consistency measures compare the recommended level with the actual level among that month's assessable consultations.",
                TrendProvisional,
            ],
        });

        // The year: the 12 months to M (a total a reader could otherwise work out from the months).
        var year = TrendMonths.Skip(Math.Max(0, TrendMonths.Count - 12)).ToList();
        _book.Sum(Partner(Month, "consultations_12_months").Key, year.Select(m => MonthFigure(m, null, "consultations").Key), "the year is the sum of its months");
    }

    /// <summary>The headline measures, each from the table that details it (same figures, same ids).</summary>
    private void Headline()
    {
        const string id = "01-headline";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        void Row(string measure, DateOnly? period, PackValue value, string unit, PackValue? lower = null, PackValue? upper = null, PackValue? england = null) =>
            rows.Add([Text(measure), Text(period is DateOnly p ? MonthCode(p) : "none"), value, lower ?? new SymbolValue("[z]"), upper ?? new SymbolValue("[z]"), england ?? new SymbolValue("[z]"), Text(unit)]);
        void Ranged(string measure, DateOnly? period, FigureValue value, string unit, PackValue? england = null) =>
            Row(measure, period, value, unit, TableBuilder.Lower(value), TableBuilder.Upper(value), england);

        var consultations = MeasureOf("consultations", "partnership", Partnership, Month);
        Row("Consultations", Month, OrMissing(consultations, m => MeasureCount(t, m)), "consultations");
        var year = TrendMonths.Skip(Math.Max(0, TrendMonths.Count - 12)).ToList();
        var yearValues = year.Select(m => MeasureOf("consultations", "month", MonthCode(m), m)?.Numerator).ToList();
        Row($"Consultations in the 12 months to {Labels.Month(Month)}", Month,
            t.Count(Partner(Month, "consultations_12_months"), yearValues.All(v => v is not null) ? yearValues.Sum() : null), "consultations");
        if (MeasureOf("consultations_per_10000_children", "partnership", Partnership, Month) is { } rate)
        {
            Ranged("Consultations per 10,000 children aged 0 to 17", Month, PerTenThousand(t, rate), "per 10,000 children");
        }

        var c = _run.ConsistencyPeriod;
        if (PartnershipAgreement(HeadlineComparison, c) is { } r)
        {
            Row("Assessable consultations (recommended and actual level known)", c, Cases(t, r), "consultations");
            Ranged("Agreement: actual level equal to the recommended level", c, AgreementRate(t, r, "agreement"), "%");
            Ranged("Linear-weighted kappa, recommended against actual level", c, Kappa(t, r), "kappa (-1 to 1)");
            Ranged("Under-response: actual level below the recommended level", c, AgreementRate(t, r, "under"), "%");
            Ranged("Over-response: actual level above the recommended level", c, AgreementRate(t, r, "over"), "%");
            Ranged($"Serious under-response: recommended level {_run.TopLevel}, actual level {_run.TopLevel - 2} or below", c, AgreementRate(t, r, "serious_under"), "% of assessable consultations");
        }

        if (MeasureOf("conversion_to_referral", "partnership", Partnership, _run.WindowPeriod) is { } conversion)
        {
            Ranged($"Consultations followed by a referral within {_run.WindowDays} days", _run.WindowPeriod, MeasurePercent(t, conversion), "%");
        }

        foreach (var (measure, words, english) in new[]
        {
            ("re_referral_rate", "Re-referrals within 12 months of a previous referral (referrals in the 12 months to the month)", "re_referral_rate"),
            ("referral_nfa_rate", "Referrals with no further action (12 months to the month)", "referral_nfa_rate"),
        })
        {
            if (MeasureOf(measure, "partnership", Partnership, Month) is { } m)
            {
                Ranged(words, Month, MeasurePercent(t, m), "%", England(english));
            }
        }

        if (MeasureOf("decisions_within_limit", "partnership", Partnership, Month) is { } decisions)
        {
            Ranged($"Front-door decisions within {_run.DecisionWorkingDays} working day{(_run.DecisionWorkingDays == 1 ? string.Empty : "s")}", Month, MeasurePercent(t, decisions), "%");
        }

        foreach (var (measure, words) in new[] { ("step_up", "Step-up: actual level above the child's previous actual level"), ("step_down", "Step-down: actual level below the child's previous actual level") })
        {
            if (MeasureOf(measure, "partnership", Partnership, c) is { } m)
            {
                Ranged(words, c, MeasurePercent(t, m), "%");
            }
        }

        AddTable(t, new PackTable(id, "Headline", "Headline_measures", $"Headline measures, {_data.PartnershipName}, {Labels.Month(Month)}",
            [PackColumn.Text("Measure"), PackColumn.Text("Month covered"), new PackColumn("Value", ColumnKind.Count), new PackColumn("Lower 95% limit", ColumnKind.Count), new PackColumn("Upper 95% limit", ColumnKind.Count), PackColumn.Percent("England (%)"), PackColumn.Text("Unit")],
            rows)
        {
            Description =
            [
                $"Each row says which month it covers: volumes are for {Labels.Month(Month)}; consistency measures for {PeriodWords(c)}, the latest month with every actual level known at the data cut-off; conversion for {Labels.Month(_run.WindowPeriod)}, the latest month whose 30-day windows had closed.",
                "The trend for each measure, and its breakdown by locality, agency and other groups, are in the sheets that follow. [z]: not applicable.",
            ],
        });
    }

    /// <summary>The chart-data tables behind the workbook's native charts: hidden figures are blank cells, drawn as gaps.</summary>
    private void ChartData()
    {
        var trendRows = TrendMonths
            .Select(m => (Month: m, Row: AgreementOf(HeadlineComparison, m, "month", MonthCode(m))))
            .Where(p => p.Row is not null)
            .Select(p => (IReadOnlyList<PackValue>)[Text(MonthCode(p.Month)), new FigureValue(Agr(Canonical(p.Row!), "agreement").Key, FigurePart.Value), new FigureValue(Agr(Canonical(p.Row!), "under").Key, FigurePart.Value)])
            .ToList();
        _chartTables.Add(new PackTable("chart-1", "Chart_1", "Chart_1_data", $"Chart 1 data: agreement and under-response by month, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}",
            [PackColumn.Text("Month"), PackColumn.Percent("Agreement (%)"), PackColumn.Percent("Under-response (%)")], trendRows)
        {
            ChartData = true,
            Description = ["Blank cells are figures not shown (suppressed, low reliability or not available): the chart draws them as gaps and the notes column gives the symbol.", TrendProvisional],
            Charts =
            [
                new PackChart(ExcelChartKind.Line, "Agreement and under-response by month", $"Line chart of the monthly agreement rate and under-response rate between the recommended and actual level, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}. Gaps are figures not shown; the data are in the table on this sheet.", 0, [1, 2])
                {
                    ValueAxisTitle = "Percentage of assessable consultations",
                    CategoryAxisTitle = "Month",
                },
            ],
        });

        var volumeRows = TrendMonths
            .Select(m => (IReadOnlyList<PackValue>)[Text(MonthCode(m)), new FigureValue(MonthFigure(m, null, "consultations").Key, FigurePart.Value)])
            .ToList();
        _chartTables.Add(new PackTable("chart-2", "Chart_2", "Chart_2_data", $"Chart 2 data: consultations by month, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}",
            [PackColumn.Text("Month"), PackColumn.Count("Consultations")], volumeRows)
        {
            ChartData = true,
            Description = ["Blank cells are figures not shown: the chart draws them as gaps and the notes column gives the symbol."],
            Charts = [new PackChart(ExcelChartKind.Column, "Consultations by month", $"Column chart of the number of consultations each month, {Labels.Month(TrendMonths[0])} to {Labels.Month(Month)}. The data are in the table on this sheet.", 0, [1]) { ValueAxisTitle = "Consultations", CategoryAxisTitle = "Month" }],
        });

        var localityRows = OrderedGroups(HeadlineComparison, _run.ConsistencyPeriod, "locality")
            .Select(r => (IReadOnlyList<PackValue>)[Text(GroupLabel("locality", r.Group)), new FigureValue(Agr(r, "agreement").Key, FigurePart.Value), new FigureValue(Agr(r, "under").Key, FigurePart.Value)])
            .ToList();
        _chartTables.Add(new PackTable("chart-3", "Chart_3", "Chart_3_data", $"Chart 3 data: agreement and under-response by locality, {PeriodWords(_run.ConsistencyPeriod)}",
            [PackColumn.Text("Locality"), PackColumn.Percent("Agreement (%)"), PackColumn.Percent("Under-response (%)")], localityRows)
        {
            ChartData = true,
            Description = ["Blank cells are figures not shown: the chart draws them as gaps and the notes column gives the symbol. Confidence intervals are in the Locality sheet."],
            Charts = [new PackChart(ExcelChartKind.Bar, "Agreement and under-response by locality", $"Bar chart of the agreement rate and under-response rate in each locality, {PeriodWords(_run.ConsistencyPeriod)}. Gaps are figures not shown; the data are in the table on this sheet.", 0, [1, 2]) { ValueAxisTitle = "Percentage of assessable consultations" }],
        });
    }
}
