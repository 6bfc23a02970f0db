using Warehouse.Analytics.Checks.Agreement;
using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Funnels;

/// <summary>
/// Funnel plots of the agreement measures over the localities and over the caller agencies, for
/// every comparison, in the consistency month, around the partnership value (METRICS.md).
/// </summary>
internal static class FunnelCheck
{
    /// <summary>The groupings that get funnels.</summary>
    public static IReadOnlyList<string> FunnelGroupings { get; } = [Groupings.Locality, Groupings.CallerAgency];

    public static FunnelSet Run(DuckDbConnection connection, RunScope scope, IReadOnlyList<ComparisonGroup> groups)
    {
        var set = Compute(scope, groups);
        using (var appender = connection.CreateAppender("funnels", "analytics"))
        {
            foreach (var f in set.Funnels)
            {
                appender.AppendRow(
                    f.RunId, f.Comparison, f.Measure, f.Period, f.Grouping, f.Target, f.Units, f.UnitsWithoutCases,
                    f.OverdispersionTested, f.Phi, f.ChiSquared, f.DegreesOfFreedom, f.PValue, f.Overdispersed, f.Tau2, f.Note);
            }
        }

        using (var appender = connection.CreateAppender("funnel_points", "analytics"))
        {
            foreach (var p in set.Points)
            {
                appender.AppendRow(
                    p.RunId, p.Comparison, p.Measure, p.Period, p.Grouping, p.Unit, p.Numerator, p.Denominator, p.Proportion,
                    p.ZScore, p.Lower95, p.Upper95, p.Lower998, p.Upper998, p.LimitMethod, p.Flag);
            }
        }

        return set;
    }

    public static FunnelSet Compute(RunScope scope, IReadOnlyList<ComparisonGroup> groups)
    {
        var funnels = new List<FunnelRow>();
        var points = new List<FunnelPointRow>();
        if (scope.ConsistencyPeriod is not { } period)
        {
            return new FunnelSet(funnels, points);
        }

        var inMonth = groups.Where(g => g.Period == period).ToList();
        foreach (var comparison in Comparisons.All)
        {
            var partnership = inMonth.Single(g => g.Comparison == comparison && g.Grouping == Groupings.Partnership);
            foreach (var grouping in FunnelGroupings)
            {
                var units = inMonth.Where(g => g.Comparison == comparison && g.Grouping == grouping).ToList();
                foreach (var measure in AgreementWriter.FunnelMeasures)
                {
                    var target = AgreementWriter.Proportion(partnership.Result, measure);
                    var key = new FunnelKey(scope.RunId, comparison, measure, period, grouping);
                    if (target?.Proportion is not double theta)
                    {
                        funnels.Add(Empty(key, units.Count, "The partnership has no assessable cases this month: no funnel."));
                        continue;
                    }

                    var input = units
                        .Select(u => (Group: u, Estimate: AgreementWriter.Proportion(u.Result, measure)!))
                        .Select(u => new FunnelUnit(u.Group.GroupValue, u.Estimate.Count, u.Estimate.Total))
                        .ToList();
                    var result = FunnelPlot.Compute(input, theta);
                    funnels.Add(Row(key, result));
                    points.AddRange(result.Points.Select(p => Point(key, p)));
                    points.AddRange(result.UnitsWithoutCases.Select(u => EmptyPoint(key, u)));
                }
            }
        }

        return new FunnelSet(funnels, points);
    }

    public static string FlagName(FunnelFlag flag) => flag switch
    {
        FunnelFlag.Within => "within",
        FunnelFlag.High => "high",
        FunnelFlag.Low => "low",
        FunnelFlag.Above => "above",
        FunnelFlag.Below => "below",
        _ => throw new ArgumentOutOfRangeException(nameof(flag), flag, "Unknown funnel flag."),
    };

    private static string MethodName(FunnelLimitMethod method) => method switch
    {
        FunnelLimitMethod.ExactBinomial => "exact_binomial",
        FunnelLimitMethod.Normal => "normal",
        FunnelLimitMethod.NormalRandomEffects => "normal_random_effects",
        FunnelLimitMethod.Degenerate => "degenerate",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown limit method."),
    };

    private static FunnelRow Row(FunnelKey key, FunnelResult result) => new()
    {
        RunId = key.RunId,
        Comparison = key.Comparison,
        Measure = key.Measure,
        Period = key.Period,
        Grouping = key.Grouping,
        Target = result.Target,
        Units = result.Points.Count,
        UnitsWithoutCases = result.UnitsWithoutCases.Count,
        OverdispersionTested = result.Overdispersion is not null,
        Phi = result.Overdispersion?.Phi,
        ChiSquared = result.Overdispersion?.Statistic,
        DegreesOfFreedom = result.Overdispersion?.DegreesOfFreedom,
        PValue = result.Overdispersion?.PValue,
        Overdispersed = result.Adjusted,
        Tau2 = result.Tau2,
        Note = result.Note,
    };

    private static FunnelRow Empty(FunnelKey key, int units, string note) => new()
    {
        RunId = key.RunId,
        Comparison = key.Comparison,
        Measure = key.Measure,
        Period = key.Period,
        Grouping = key.Grouping,
        Target = null,
        Units = 0,
        UnitsWithoutCases = units,
        OverdispersionTested = false,
        Overdispersed = false,
        Tau2 = 0,
        Note = note,
    };

    private static FunnelPointRow Point(FunnelKey key, FunnelPoint point) => new()
    {
        RunId = key.RunId,
        Comparison = key.Comparison,
        Measure = key.Measure,
        Period = key.Period,
        Grouping = key.Grouping,
        Unit = point.Id,
        Numerator = point.Numerator,
        Denominator = point.Denominator,
        Proportion = point.Proportion,
        ZScore = point.ZScore,
        Lower95 = point.Limits.Lower95,
        Upper95 = point.Limits.Upper95,
        Lower998 = point.Limits.Lower998,
        Upper998 = point.Limits.Upper998,
        LimitMethod = MethodName(point.Limits.Method),
        Flag = FlagName(point.Flag),
    };

    private static FunnelPointRow EmptyPoint(FunnelKey key, string unit) => new()
    {
        RunId = key.RunId,
        Comparison = key.Comparison,
        Measure = key.Measure,
        Period = key.Period,
        Grouping = key.Grouping,
        Unit = unit,
        Numerator = 0,
        Denominator = 0,
    };
}
