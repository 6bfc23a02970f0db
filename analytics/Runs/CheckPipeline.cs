using System.Globalization;
using Warehouse.Analytics.Checks.Agreement;
using Warehouse.Analytics.Checks.Exceptions;
using Warehouse.Analytics.Checks.Funnels;
using Warehouse.Analytics.Checks.Pathway;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>
/// The stages of a check run, timed. <see cref="CheckRunner.Run"/> is this without the timings;
/// the benchmark calls <see cref="Execute"/> to see where the time goes.
/// </summary>
/// <remarks>
/// The run works in temp tables (<c>chk_*</c>, private to the connection) and writes its rows in
/// one transaction: a failure or a cancellation leaves the warehouse as it was.
/// </remarks>
internal static class CheckPipeline
{
    private static readonly string[] TempObjects =
    [
        "VIEW chk_pairs", "VIEW chk_trend_pairs",
        "TABLE chk_cells", "TABLE chk_groups", "TABLE chk_trend_levels", "TABLE chk_comparisons", "TABLE chk_measures",
        "TABLE chk_repeat", "TABLE chk_decision", "TABLE chk_calendar", "TABLE chk_month_status",
        "TABLE chk_consultation", "TABLE chk_audit", "VIEW chk_history", "TABLE chk_months", "TABLE chk_params",
        "MACRO chk_reason", "MACRO chk_compare", "MACRO chk_working_day_state", "MACRO chk_pending", "MACRO chk_source",
    ];

    // Session variables: the scope's values as constants for the planner (Runs/Sql/scope.sql).
    private static readonly string[] Variables =
    [
        "chk_partnership", "chk_base_start", "chk_rolling_start", "chk_last_day", "chk_cut_off", "chk_window_days",
        "chk_steps_from", "chk_steps_to",
    ];

    public static CheckRunReport Execute(DuckDbConnection connection, CheckRequest request, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var runId = Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        var startedAt = timeProvider.GetUtcNow();
        var timings = new List<StageTiming>();

        T Stage<T>(string name, Func<T> work)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long start = timeProvider.GetTimestamp();
            var result = work();
            timings.Add(new StageTiming(name, timeProvider.GetElapsedTime(start)));
            return result;
        }

        void Step(string name, Action work) => Stage(name, () =>
        {
            work();
            return true;
        });

        using var interrupt = cancellationToken.Register(connection.Interrupt);
        try
        {
            using var transaction = connection.BeginTransaction();
            var scope = Stage("scope", () => RunScope.Create(connection, request, runId));
            var groups = Stage("agreement", () => AgreementCheck.Run(connection, scope));
            var funnels = Stage("funnels", () => FunnelCheck.Run(connection, scope, groups));
            Step("agreement results", () => AgreementWriter.Write(
                connection, scope, groups, (g, measure) => funnels.Flag(g.Comparison, measure, g.Grouping, g.GroupValue)));
            Step("pathway", () => PathwayCheck.Run(connection, scope));
            Step("exceptions", () => ExceptionCheck.Run(connection));
            Step("record", () =>
            {
                RunRecorder.RecordInputs(connection);
                RunRecorder.RecordWarnings(connection);
                RunRecorder.RecordRun(connection, scope, startedAt, timeProvider.GetUtcNow());
            });
            Step("clean up", () => DropTemporaries(connection));
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        catch (DuckDbException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The check run was cancelled; nothing was recorded.", e, cancellationToken);
        }
        finally
        {
            // The temp objects go with the transaction when it rolls back; session variables do not.
            ResetVariables(connection);
        }

        return new CheckRunReport(runId, timings);
    }

    private static void DropTemporaries(DuckDbConnection connection)
    {
        foreach (var item in TempObjects)
        {
            connection.Execute($"DROP {item.Replace(" ", " IF EXISTS ", StringComparison.Ordinal)}");
        }
    }

    private static void ResetVariables(DuckDbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        foreach (var variable in Variables)
        {
            connection.Execute($"RESET VARIABLE {variable}");
        }
    }
}
