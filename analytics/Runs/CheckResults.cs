using Warehouse.Analytics.Checks.Agreement;
using Warehouse.Analytics.Checks.Exceptions;
using Warehouse.Analytics.Checks.Funnels;
using Warehouse.Analytics.Checks.Measures;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>Reads recorded check runs back, for packs and for comparing months.</summary>
public static class CheckResults
{
    /// <summary>Every row a run recorded, in a stable order.</summary>
    /// <exception cref="InvalidOperationException">There is no run with that id.</exception>
    public static CheckRunResults Load(DuckDbConnection connection, string runId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var run = ResultTable.Read<CheckRunRow>(connection, "check_runs", runId, "run_id");
        if (run.Count == 0)
        {
            throw new InvalidOperationException($"There is no check run '{runId}'.");
        }

        return new CheckRunResults(
            run[0],
            ResultTable.Read<RunInputRow>(connection, "run_inputs", runId, "input_kind, name, detail"),
            ResultTable.Read<RunWarningRow>(connection, "run_warnings", runId, "code"),
            ResultTable.Read<AgreementMatrixRow>(connection, "agreement_matrix", runId, "comparison, period, grouping, group_value, reference_level, compared_level"),
            ResultTable.Read<AgreementResultRow>(connection, "agreement_results", runId, "comparison, period, grouping, group_value"),
            ResultTable.Read<NotAssessableRow>(connection, "not_assessable", runId, "comparison, period, reason"),
            ResultTable.Read<FunnelRow>(connection, "funnels", runId, "comparison, measure, grouping"),
            ResultTable.Read<FunnelPointRow>(connection, "funnel_points", runId, "comparison, measure, grouping, unit"),
            ResultTable.Read<MeasureRow>(connection, "measures", runId, "measure, comparison NULLS FIRST, period, grouping, group_value"),
            ResultTable.Read<ExceptionRow>(connection, "exceptions", runId, "rule, consultation_id"));
    }

    /// <summary>The latest run for a partnership and pack month (<c>yyyy-MM</c>), or null when there is none.</summary>
    public static string? LatestRunId(DuckDbConnection connection, string partnership, string month)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var period = new CheckRequest { Partnership = partnership, Month = month }.MonthStart;
        const string Sql = """
            SELECT run_id FROM analytics.check_runs
            WHERE partnership = $partnership AND period = $period
            ORDER BY finished_at DESC, run_id DESC
            LIMIT 1
            """;
        using var command = new DuckDbCommand(Sql, connection);
        command.Parameters.Add("partnership", partnership);
        command.Parameters.Add("period", period);
        return command.ExecuteScalar() as string;
    }
}
