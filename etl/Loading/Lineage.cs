using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Loading;

/// <summary>Records each file in <c>ops.loaded_files</c>, and finds files already loaded.</summary>
internal static class Lineage
{
    internal static void Record(LoadContext context, SourceFile file, FileLoadResult result)
    {
        using var command = new DuckDbCommand("""
            INSERT INTO ops.loaded_files
                (file_id, run_id, partnership, file_name, sha256, size_bytes, kind, outcome, reason, loaded_at,
                 rows_read, rows_loaded, rows_rejected, warnings)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            """, context.Connection);
        foreach (var value in new object?[]
                 {
                     file.FileId, context.RunId, file.Partnership, file.FileName, file.Sha256, file.SizeBytes, result.Kind,
                     OutcomeCode(result.Outcome), result.Reason, context.Now, result.RowsRead, result.RowsLoaded,
                     result.RowsRejected, result.Warnings,
                 })
        {
            command.Parameters.AddValue(value);
        }
        command.ExecuteNonQuery();
        if (result.ChangedData)
        {
            // In the file's transaction: its data and the need to derive from it commit together.
            using var pending = new DuckDbCommand(
                "INSERT INTO ops.derivation_pending VALUES ($1, $2) ON CONFLICT DO NOTHING", context.Connection);
            pending.Parameters.AddValue(file.Partnership);
            pending.Parameters.AddValue(context.Now);
            pending.ExecuteNonQuery();
        }
    }

    /// <summary>The partnerships whose derived levels wait for a derivation (ops.derivation_pending).</summary>
    internal static List<string> PendingDerivations(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand("SELECT partnership FROM ops.derivation_pending ORDER BY partnership", connection);
        using var reader = command.ExecuteReader();
        var partnerships = new List<string>();
        while (reader.Read()) partnerships.Add(reader.GetString(0));
        return partnerships;
    }

    /// <summary>When the same bytes were already loaded for the partnership: the earlier load's time.</summary>
    internal static DateTimeOffset? PreviouslyLoaded(DuckDbConnection connection, string partnership, string sha256)
    {
        using var command = new DuckDbCommand("""
            SELECT min(loaded_at) FROM ops.loaded_files
            WHERE partnership = $1 AND sha256 = $2 AND outcome = 'loaded'
            """, connection);
        command.Parameters.AddValue(partnership);
        command.Parameters.AddValue(sha256);
        return command.ExecuteScalar() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    internal static string OutcomeCode(FileOutcome outcome) => outcome switch
    {
        FileOutcome.Loaded => "loaded",
        FileOutcome.Rejected => "rejected",
        FileOutcome.Unrecognised => "unrecognised",
        FileOutcome.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
