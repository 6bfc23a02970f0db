using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>
/// The resolved scope of a run (Runs/Sql/scope.sql): its months, cut-off and settings. The same
/// values are in the temp table <c>chk_params</c> that every check's SQL reads.
/// </summary>
internal sealed record RunScope(
    string RunId,
    string Partnership,
    DateOnly Period,
    DateOnly CutOff,
    bool CutOffGiven,
    DateOnly TrendStart,
    DateOnly? ConsistencyPeriod,
    DateOnly WindowPeriod,
    int TopLevel,
    CheckOptions Options,
    IReadOnlyDictionary<DateOnly, MonthStatus> Months)
{
    /// <summary>Creates the run's temp tables and reads back what they resolved.</summary>
    public static RunScope Create(DuckDbConnection connection, CheckRequest request, string runId)
    {
        using (var command = new DuckDbCommand(SqlScripts.Read("Runs/Sql/scope.sql"), connection))
        {
            command.Parameters.Add("run_id", runId);
            command.Parameters.Add("partnership", request.Partnership);
            command.Parameters.Add("period", request.MonthStart);
            command.Parameters.Add("cut_off", request.CutOff);
            command.Parameters.Add("window_days", request.Options.WindowDays);
            command.Parameters.Add("high_score", request.Options.HighScore);
            command.Parameters.Add("decision_working_days", request.Options.DecisionWorkingDays);
            command.ExecuteNonQuery();
        }

        var months = new Dictionary<DateOnly, MonthStatus>();
        using (var command = new DuckDbCommand("SELECT period, label, in_trend, consultations, pending FROM chk_month_status", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var period = reader.GetFieldValue<DateOnly>(0);
                months[period] = new MonthStatus(period, reader.GetString(1), reader.GetBoolean(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        const string Parameters = """
            SELECT cut_off, cut_off_given, trend_start, consistency_period, window_period, top_level
            FROM chk_params
            """;
        using (var command = new DuckDbCommand(Parameters, connection))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException("The run's scope could not be resolved.");
            }

            return new RunScope(
                runId,
                request.Partnership,
                request.MonthStart,
                reader.GetFieldValue<DateOnly>(0),
                reader.GetBoolean(1),
                reader.GetFieldValue<DateOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.GetFieldValue<DateOnly>(4),
                reader.GetInt32(5),
                request.Options,
                months);
        }
    }

    /// <summary>Whether the actual levels of <paramref name="period"/> are partly pending at the cut-off.</summary>
    public bool IsPending(DateOnly period) => Months.TryGetValue(period, out var month) && month.Provisional;
}
