using System.Globalization;
using Warehouse.Etl.Inbox;
using Warehouse.Etl.Staging;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Applies the retention period: deletes every record of each child whose latest record is
/// older than the period, with the rows derived from them and the rejects and warnings of the
/// source files that held only their rows, and deletes raw files kept in processed/ past their
/// own period. Logs counts, never identifiers, to <c>ops.governance_log</c>.
/// </summary>
/// <remarks>
/// <para>Whole children expire, never single rows: a child with a consultation seven years ago
/// and an Annex A event last year is kept whole, so what remains is never a partial history.</para>
/// <para>The database work is one transaction: a crash leaves the warehouse as it was. The
/// deleted values remain in freed blocks of the file until it is rewritten; run
/// <see cref="WarehouseCompaction.Compact"/> after a purge that deleted rows
/// (<see cref="PurgeReport.NeedsCompaction"/>).</para>
/// <para>Kept on purpose: <c>ops.erased_children</c> (so an erased child never comes back),
/// <c>ops.governance_log</c>, <c>ops.loaded_files</c> and <c>ops.annex_a_returns</c> (lineage
/// without child data), and aggregate results without a child key or consultation id.</para>
/// </remarks>
public sealed class RetentionPurge(RetentionOptions options, TimeProvider clock)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Runs the purge.</summary>
    /// <param name="connection">The warehouse, open for writing, with no transaction in progress.</param>
    /// <param name="inbox">The inbox whose processed/ folders are purged too; null to leave files alone.</param>
    /// <param name="asOf">The date to apply the period from; null for today (Europe/London) by the clock.</param>
    public PurgeReport Run(DuckDbConnection connection, string? inbox = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (options.RetentionYears < 1) throw new InvalidOperationException("The retention period must be at least one year.");
        if (options.ProcessedRetentionDays < 0) throw new InvalidOperationException("The processed-file retention must not be negative.");

        var now = clock.GetUtcNow();
        var day = asOf ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);
        var cutOff = day.AddYears(-options.RetentionYears);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["cutoff"] = cutOff };

        PurgeReport report;
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                ChildRecords.Reset(connection);
                connection.Execute("""
                    CREATE OR REPLACE TEMP TABLE governance_touched (file_id VARCHAR NOT NULL);
                    CREATE OR REPLACE TEMP TABLE governance_files (file_id VARCHAR NOT NULL);
                    """);
                SqlScript.Run(connection, "Governance.Sql.expired_children.sql", parameters);
                ChildRecords.Collect(connection);
                connection.Execute($"""
                    INSERT INTO temp.main.governance_touched
                    SELECT c.file_id FROM fact.consultation c
                    JOIN {ChildRecords.Children} g ON g.partnership = c.partnership AND g.child_key = c.child_key
                    UNION
                    SELECT e.return_id FROM fact.annex_a_event e
                    JOIN {ChildRecords.Children} g ON g.partnership = e.partnership AND g.child_key = e.child_key
                    """);
                var children = Count(connection, $"SELECT count(*) FROM {ChildRecords.Children}");

                var deleted = ChildRecords.Delete(connection);
                SqlScript.Run(connection, "Governance.Sql.released_files.sql", parameters);
                var files = Count(connection, "SELECT count(*) FROM temp.main.governance_files");
                deleted["ops.rejects"] = connection.Execute("DELETE FROM ops.rejects WHERE file_id IN (SELECT file_id FROM temp.main.governance_files)");
                deleted["ops.data_quality_warnings"] = connection.Execute("DELETE FROM ops.data_quality_warnings WHERE file_id IN (SELECT file_id FROM temp.main.governance_files)");

                // Raw files go only once the database side has succeeded; they are deleted before the
                // commit so that the log entry can count them (a failed commit leaves them deleted,
                // which is what their own period asked for anyway).
                var processed = inbox is null ? 0 : InboxFolders.PurgeProcessed(inbox, options.ProcessedRetentionDays, now);
                report = new PurgeReport(day, cutOff, options.RetentionYears, children, deleted, files, processed);
                GovernanceLog.Append(connection, now, GovernanceLog.Purge, Describe(report));
                transaction.Commit();
            }
        }
        finally
        {
            ChildRecords.Release(connection);
            connection.Execute("DROP TABLE IF EXISTS temp.main.governance_touched; DROP TABLE IF EXISTS temp.main.governance_files;");
        }
        return report;
    }

    private static long Count(DuckDbConnection connection, string sql)
    {
        using var command = new DuckDbCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string Describe(PurgeReport report) => string.Create(CultureInfo.InvariantCulture,
        $"as of {report.AsOf:yyyy-MM-dd}: records of children whose latest record is before {report.CutOff:yyyy-MM-dd} " +
        $"({report.RetentionYears} years); children {report.ChildrenExpired}; source files released {report.FilesReleased}; " +
        $"{GovernanceLog.Counts(report.RowsDeleted)}; processed files older than {options.ProcessedRetentionDays} days deleted {report.ProcessedFilesDeleted}");
}
