using Warehouse.Analytics.Checks.Measures;
using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>
/// Writes the agreement statistics twice: wide (<c>analytics.agreement_results</c>, one row per
/// matrix) and tidy (<c>analytics.measures</c>, one row per statistic, with the funnel flag for
/// localities and caller agencies).
/// </summary>
internal static class AgreementWriter
{
    /// <summary>The proportions that get a funnel plot, by the name used in both tables.</summary>
    public static IReadOnlyList<string> FunnelMeasures { get; } = ["agreement", "over", "under", "serious_under"];

    public static void Write(
        DuckDbConnection connection,
        RunScope scope,
        IReadOnlyList<ComparisonGroup> groups,
        Func<ComparisonGroup, string, string?> flag)
    {
        var rows = groups.Select(g => ResultRow(scope, g)).ToList();
        using (var appender = connection.CreateAppender("agreement_results", "analytics"))
        {
            foreach (var row in rows)
            {
                Append(appender, row);
            }
        }

        MeasureWriter.Append(connection, groups.SelectMany(g => MeasureRows(scope, g, flag)));
    }

    public static AgreementResultRow ResultRow(RunScope scope, ComparisonGroup group)
    {
        var r = group.Result;
        return new AgreementResultRow
        {
            RunId = scope.RunId,
            Comparison = group.Comparison,
            Period = group.Period,
            Grouping = group.Grouping,
            GroupValue = group.GroupValue,
            Provisional = group.Provisional,
            Cases = r.Cases,
            LowReliability = r.Cases < scope.Options.MinimumCases,
            Agreements = r.Agreement.Count,
            Agreement = r.Agreement.Proportion,
            AgreementLower = r.Agreement.Interval?.Lower,
            AgreementUpper = r.Agreement.Interval?.Upper,
            KappaStatus = MeasureStatus.Of(r.Unweighted.Status),
            Kappa = r.Unweighted.Kappa,
            KappaSe = r.Unweighted.StandardError,
            KappaLower = r.Unweighted.Interval?.Lower,
            KappaUpper = r.Unweighted.Interval?.Upper,
            KappaNullSe = r.Unweighted.NullStandardError,
            KappaZ = r.Unweighted.Z,
            KappaP = r.Unweighted.PValue,
            LinearKappaStatus = MeasureStatus.Of(r.Linear.Status),
            LinearKappa = r.Linear.Kappa,
            LinearKappaSe = r.Linear.StandardError,
            LinearKappaLower = r.Linear.Interval?.Lower,
            LinearKappaUpper = r.Linear.Interval?.Upper,
            LinearKappaNullSe = r.Linear.NullStandardError,
            LinearKappaZ = r.Linear.Z,
            LinearKappaP = r.Linear.PValue,
            QuadraticKappaStatus = MeasureStatus.Of(r.Quadratic.Status),
            QuadraticKappa = r.Quadratic.Kappa,
            QuadraticKappaSe = r.Quadratic.StandardError,
            QuadraticKappaLower = r.Quadratic.Interval?.Lower,
            QuadraticKappaUpper = r.Quadratic.Interval?.Upper,
            QuadraticKappaNullSe = r.Quadratic.NullStandardError,
            QuadraticKappaZ = r.Quadratic.Z,
            QuadraticKappaP = r.Quadratic.PValue,
            OverCount = r.Over.Count,
            OverRate = r.Over.Proportion,
            OverLower = r.Over.Interval?.Lower,
            OverUpper = r.Over.Interval?.Upper,
            UnderCount = r.Under.Count,
            UnderRate = r.Under.Proportion,
            UnderLower = r.Under.Interval?.Lower,
            UnderUpper = r.Under.Interval?.Upper,
            SeriousUnderCount = r.SeriousUnder?.Count ?? 0,
            SeriousUnderRate = r.SeriousUnder?.Proportion,
            SeriousUnderLower = r.SeriousUnder?.Interval?.Lower,
            SeriousUnderUpper = r.SeriousUnder?.Interval?.Upper,
            TopLevelReferenceCount = r.TopLevelReferenceCount,
            SeriousUnderAmongTopRate = r.SeriousUnderAmongTopLevel?.Proportion,
            SeriousUnderAmongTopLower = r.SeriousUnderAmongTopLevel?.Interval?.Lower,
            SeriousUnderAmongTopUpper = r.SeriousUnderAmongTopLevel?.Interval?.Upper,
        };
    }

    /// <summary>The proportion a funnel measure name stands for.</summary>
    public static ProportionEstimate? Proportion(AgreementResult result, string measure) => measure switch
    {
        "agreement" => result.Agreement,
        "over" => result.Over,
        "under" => result.Under,
        "serious_under" => result.SeriousUnder,
        "serious_under_among_top_level" => result.SeriousUnderAmongTopLevel,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an agreement proportion."),
    };

    private static IEnumerable<MeasureRow> MeasureRows(RunScope scope, ComparisonGroup group, Func<ComparisonGroup, string, string?> flag)
    {
        foreach (var measure in FunnelMeasures.Append("serious_under_among_top_level"))
        {
            var estimate = Proportion(group.Result, measure);
            if (estimate is null)
            {
                continue;
            }

            yield return new MeasureRow
            {
                RunId = scope.RunId,
                Period = group.Period,
                Grouping = group.Grouping,
                GroupValue = group.GroupValue,
                Comparison = group.Comparison,
                Measure = measure,
                Unit = "proportion",
                Value = estimate.Proportion,
                Lower = estimate.Interval?.Lower,
                Upper = estimate.Interval?.Upper,
                Numerator = estimate.Count,
                Denominator = estimate.Total,
                Status = estimate.IsAvailable ? MeasureStatus.Available : MeasureStatus.NotAvailable,
                Flag = flag(group, measure),
                Provisional = group.Provisional,
            };
        }

        foreach (var (measure, kappa) in new[] { ("kappa_unweighted", group.Result.Unweighted), ("kappa_linear", group.Result.Linear), ("kappa_quadratic", group.Result.Quadratic) })
        {
            yield return new MeasureRow
            {
                RunId = scope.RunId,
                Period = group.Period,
                Grouping = group.Grouping,
                GroupValue = group.GroupValue,
                Comparison = group.Comparison,
                Measure = measure,
                Unit = "kappa",
                Value = kappa.Kappa,
                Lower = kappa.Interval?.Lower,
                Upper = kappa.Interval?.Upper,
                Numerator = null,
                Denominator = kappa.Cases,
                Status = MeasureStatus.Of(kappa.Status),
                Flag = null,
                Provisional = group.Provisional,
            };
        }
    }

    private static void Append(DuckDbAppender appender, AgreementResultRow r) => appender.AppendRow(
        r.RunId, r.Comparison, r.Period, r.Grouping, r.GroupValue, r.Provisional, r.Cases, r.LowReliability,
        r.Agreements, r.Agreement, r.AgreementLower, r.AgreementUpper,
        r.KappaStatus, r.Kappa, r.KappaSe, r.KappaLower, r.KappaUpper, r.KappaNullSe, r.KappaZ, r.KappaP,
        r.LinearKappaStatus, r.LinearKappa, r.LinearKappaSe, r.LinearKappaLower, r.LinearKappaUpper, r.LinearKappaNullSe, r.LinearKappaZ, r.LinearKappaP,
        r.QuadraticKappaStatus, r.QuadraticKappa, r.QuadraticKappaSe, r.QuadraticKappaLower, r.QuadraticKappaUpper, r.QuadraticKappaNullSe, r.QuadraticKappaZ, r.QuadraticKappaP,
        r.OverCount, r.OverRate, r.OverLower, r.OverUpper,
        r.UnderCount, r.UnderRate, r.UnderLower, r.UnderUpper,
        r.SeriousUnderCount, r.SeriousUnderRate, r.SeriousUnderLower, r.SeriousUnderUpper,
        r.TopLevelReferenceCount, r.SeriousUnderAmongTopRate, r.SeriousUnderAmongTopLower, r.SeriousUnderAmongTopUpper);
}
