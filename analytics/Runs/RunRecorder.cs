using System.Reflection;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>Records what a run saw (inputs), what to know about its results (warnings), and the run itself.</summary>
internal static class RunRecorder
{
    private const string InsertRun = """
        INSERT INTO analytics.check_runs
        SELECT p.run_id, p.partnership, p.period, p.consistency_period, p.window_period, p.trend_start, p.cut_off, p.cut_off_given,
               coalesce((SELECT array_to_string(list_sort(list_distinct(list(c.framework_version))), ', ')
                         FROM chk_consultation c JOIN chk_months m ON m.period = c.period), ''),
               p.window_days, $minimum_cases, p.high_score, p.decision_working_days, p.top_level,
               coalesce((SELECT max(version) FROM meta.schema_migrations), 0),
               $software_version, $started_at, $finished_at,
               (SELECT count(*) FROM analytics.run_warnings w WHERE w.run_id = p.run_id)
        FROM chk_params p
        """;

    public static void RecordInputs(DuckDbConnection connection) =>
        SqlScripts.Execute(connection, "Runs/Sql/run_inputs.sql");

    public static void RecordWarnings(DuckDbConnection connection) =>
        SqlScripts.Execute(connection, "Runs/Sql/warnings.sql");

    public static void RecordRun(DuckDbConnection connection, RunScope scope, DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        using var command = new DuckDbCommand(InsertRun, connection);
        command.Parameters.Add("minimum_cases", scope.Options.MinimumCases);
        command.Parameters.Add("software_version", SoftwareVersion);
        command.Parameters.Add("started_at", startedAt);
        command.Parameters.Add("finished_at", finishedAt);
        command.ExecuteNonQuery();
    }

    private static string SoftwareVersion =>
        typeof(RunRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunRecorder).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
