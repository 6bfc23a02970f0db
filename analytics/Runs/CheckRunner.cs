using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>
/// Runs the threshold-consistency checks (docs METRICS.md) for one partnership and pack month and
/// records the run and every result row in the <c>analytics.*</c> tables (analytics/README.md).
/// </summary>
public static class CheckRunner
{
    /// <summary>
    /// Runs every check and records the run, all or nothing, in one transaction on
    /// <paramref name="connection"/> (which must be open with no transaction in progress).
    /// </summary>
    /// <param name="connection">An open connection to a warehouse at the current schema version.</param>
    /// <param name="request">The partnership, month, cut-off and settings.</param>
    /// <param name="timeProvider">The clock for the run's start and finish times.</param>
    /// <param name="cancellationToken">Interrupts the running statement; nothing is recorded.</param>
    /// <returns>The run id: the key of the run's rows in every <c>analytics.*</c> table.</returns>
    public static string Run(DuckDbConnection connection, CheckRequest request, TimeProvider timeProvider, CancellationToken cancellationToken = default) =>
        CheckPipeline.Execute(connection, request, timeProvider, cancellationToken).RunId;
}
