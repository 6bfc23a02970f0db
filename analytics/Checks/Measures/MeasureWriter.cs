using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Measures;

/// <summary>Appends rows to <c>analytics.measures</c>.</summary>
internal static class MeasureWriter
{
    public static void Append(DuckDbConnection connection, IEnumerable<MeasureRow> rows)
    {
        using var appender = connection.CreateAppender("measures", "analytics");
        foreach (var row in rows)
        {
            appender.AppendRow(
                row.RunId, row.Period, row.Grouping, row.GroupValue, row.Comparison, row.Measure, row.Unit,
                row.Value, row.Lower, row.Upper, row.Numerator, row.Denominator, row.Status, row.Flag, row.Provisional);
        }
    }
}
