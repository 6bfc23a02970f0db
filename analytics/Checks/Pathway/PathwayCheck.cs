using Warehouse.Analytics.Checks.Measures;
using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Pathway;

/// <summary>
/// The pathway and practice measures (METRICS.md): counted in SQL (Sql/NN_*.sql, run in file-name
/// order, each adding rows to the temp table <c>chk_measures</c>); intervals and statuses here.
/// </summary>
internal static class PathwayCheck
{
    private const string Rows = """
        SELECT period, grouping, group_value, measure, kind, unit, numerator, denominator, value, comparator, provisional
        FROM chk_measures
        ORDER BY measure, period, grouping, group_value
        """;

    public static void Run(DuckDbConnection connection, RunScope scope)
    {
        foreach (var script in SqlScripts.Folder("Checks/Pathway/Sql"))
        {
            connection.Execute(script);
        }

        var rows = new List<MeasureRow>();
        using (var command = new DuckDbCommand(Rows, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ToRow(
                    scope.RunId,
                    new CountedMeasure(
                        reader.GetFieldValue<DateOnly>(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetInt64(6),
                        reader.IsDBNull(7) ? null : reader.GetInt64(7),
                        reader.IsDBNull(8) ? null : reader.GetDouble(8),
                        reader.IsDBNull(9) ? null : reader.GetDouble(9),
                        reader.GetBoolean(10))));
            }
        }

        MeasureWriter.Append(connection, rows);
    }

    /// <summary>Turns a counted measure into its published row: value, interval, status, flag.</summary>
    public static MeasureRow ToRow(string runId, CountedMeasure m)
    {
        var row = new MeasureRow
        {
            RunId = runId,
            Period = m.Period,
            Grouping = m.Grouping,
            GroupValue = m.GroupValue,
            Comparison = null,
            Measure = m.Measure,
            Unit = m.Unit,
            Numerator = m.Numerator,
            Denominator = m.Denominator,
            Status = MeasureStatus.NotAvailable,
            Provisional = m.Provisional,
        };

        switch (m.Kind)
        {
            case MeasureKinds.Count:
                return m.Numerator is long count ? row with { Value = count, Status = MeasureStatus.Available } : row;

            case MeasureKinds.Statistic:
                return m.Value is double value ? row with { Value = value, Status = MeasureStatus.Available } : row;

            case MeasureKinds.Comparator:
                return m.Value is double reference ? row with { Unit = "proportion", Value = reference, Status = MeasureStatus.Available } : row;

            case MeasureKinds.Proportion:
                if (m.Numerator is not long events || m.Denominator is not long cases || cases == 0)
                {
                    return row with { Unit = "proportion" };
                }

                var estimate = WilsonScore.Estimate(events, cases);
                return row with
                {
                    Unit = "proportion",
                    Value = estimate.Proportion,
                    Lower = estimate.Interval?.Lower,
                    Upper = estimate.Interval?.Upper,
                    Status = MeasureStatus.Available,
                    Flag = m.Comparator is double england ? AgainstEngland(estimate.Interval!.Value, england) : null,
                };

            case MeasureKinds.RatePer10000:
                if (m.Numerator is not long numerator || m.Denominator is not long population || population <= 0)
                {
                    return row;
                }

                var (rate, interval) = PoissonRate.Estimate(numerator, population, 10_000);
                return row with { Value = rate, Lower = interval.Lower, Upper = interval.Upper, Status = MeasureStatus.Available };

            default:
                throw new InvalidOperationException($"Measure '{m.Measure}' has an unknown kind '{m.Kind}'.");
        }
    }

    /// <summary>The 95% interval wholly above, wholly below, or around the England value.</summary>
    private static string AgainstEngland(ConfidenceInterval interval, double england) =>
        interval.Lower > england ? "higher" : interval.Upper < england ? "lower" : "similar";
}
