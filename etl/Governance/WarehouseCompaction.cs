using System.Globalization;
using Warehouse.Etl.Staging;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Rewrites the warehouse file so that deleted rows no longer linger in it. DuckDB marks deleted
/// rows and later reuses their blocks, but never overwrites them on purpose: after a purge or an
/// erasure the old values can still be read from the file's bytes. A checkpoint alone does not
/// change that; copying the live data into a new file and swapping it in does.
/// </summary>
/// <remarks>
/// <para>Method: <c>CHECKPOINT</c>; <c>ATTACH</c> a new file beside the warehouse (made
/// owner-only before any row is copied into it, inside the owner-only folder);
/// <c>COPY FROM DATABASE</c> (schemas, tables with their constraints and indexes, sequences,
/// views, macros); compare every table's row count; log a <c>compact</c> entry in the copy;
/// detach; flush the new file to disk; rename it over the old one (atomic on one file system:
/// a crash leaves either the old file or the new, never half of one).</para>
/// <para>Not used: <c>EXPORT DATABASE</c>, which would write every row in clear text to files on
/// disk first. Beyond the product's reach: the file system may keep freed disk blocks of the old
/// file until they are reused; docs/data-protection.md asks for an encrypted volume.</para>
/// <para>Every connection to the warehouse must be closed first (the command-line host opens it
/// per command). A connection still open in this process is detected and refused.</para>
/// </remarks>
public static class WarehouseCompaction
{
    private const string Target = "governance_compacted";

    private const string TablesSql = """
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_catalog = $catalog AND table_type = 'BASE TABLE'
        ORDER BY table_schema, table_name
        """;

    /// <summary>Compacts the warehouse at <paramref name="warehousePath"/>, which no connection may hold open.</summary>
    /// <param name="warehousePath">The warehouse file.</param>
    /// <param name="clock">For the governance log entry.</param>
    /// <exception cref="InvalidOperationException">The warehouse is open, or the copy did not match (the old file is then untouched).</exception>
    public static CompactionReport Compact(string warehousePath, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var full = Path.GetFullPath(warehousePath);
        if (!File.Exists(full)) throw new FileNotFoundException($"There is no warehouse at '{full}'.", full);
        var compacted = full + ".compact";
        DeleteLeftovers(compacted);

        // A command or reader someone forgot to dispose keeps DuckDB's instance (and its unwritten
        // write-ahead log) alive after its connection closed, until a finaliser runs; an instance
        // still alive during the swap could later write its log beside the new file. Run the
        // finalisers now, so every closed connection of this process is really closed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var before = new FileInfo(full).Length;
        var tables = 0;
        long rows = 0;
        try
        {
            // An explicit setting makes this a different DuckDB instance from the host's: if the host
            // still holds the file open in this process, opening fails instead of sharing it.
            using (var connection = new DuckDbConnection($"Data Source={full};access_mode=READ_WRITE"))
            {
                try
                {
                    connection.Open();
                }
                catch (DuckDbException e)
                {
                    throw new InvalidOperationException($"The warehouse '{full}' is open (in this or another process); close it before compacting.", e);
                }
                connection.Execute("CHECKPOINT");
                var source = Scalar(connection, "SELECT current_database()")!;
                connection.Execute($"ATTACH {SqlScript.Literal(compacted)} AS {Target}");
                // Owner-only before any row is copied in (DuckDB will not attach a file made empty in advance).
                OwnerOnlyFile.Restrict(compacted);
                connection.Execute($"COPY FROM DATABASE {SqlScript.Identifier(source)} TO {Target}");

                foreach (var (schema, table) in Tables(connection, source))
                {
                    var name = $"{SqlScript.Identifier(schema)}.{SqlScript.Identifier(table)}";
                    var original = Count(connection, $"SELECT count(*) FROM {SqlScript.Identifier(source)}.{name}");
                    var copy = Count(connection, $"SELECT count(*) FROM {Target}.{name}");
                    if (original != copy)
                        throw new InvalidOperationException($"Compaction copied {copy} rows of {schema}.{table}, not {original}; the warehouse was left as it was.");
                    tables++;
                    rows += original;
                }
                if (Tables(connection, Target).Count != tables)
                    throw new InvalidOperationException("Compaction did not copy the same tables; the warehouse was left as it was.");

                GovernanceLogTo(connection, source, clock.GetUtcNow(), string.Create(CultureInfo.InvariantCulture,
                    $"rewrote the warehouse file: {tables} tables, {rows} rows copied and counted; {before} bytes before"));
                connection.Execute($"CHECKPOINT {Target}; DETACH {Target};");
            }

            // The old file must not leave a write-ahead log behind: DuckDB would replay it onto the new file.
            if (HasLog(full) || HasLog(compacted))
                throw new InvalidOperationException("A write-ahead log was left after the checkpoint; the warehouse was left as it was. Run the compaction again.");
            File.Delete(full + ".wal");
            OwnerOnlyFile.Restrict(compacted);
            OwnerOnlyFile.Sync(compacted);
            File.Move(compacted, full, overwrite: true);
        }
        catch
        {
            DeleteLeftovers(compacted);
            throw;
        }
        return new CompactionReport(before, new FileInfo(full).Length, tables, rows);
    }

    private static void GovernanceLogTo(DuckDbConnection connection, string source, DateTimeOffset at, string details)
    {
        // The entry goes into the new file (the one that stays), inside the copy's catalog.
        connection.Execute($"USE {Target}");
        try
        {
            GovernanceLog.Append(connection, at, GovernanceLog.Compact, details);
        }
        finally
        {
            connection.Execute($"USE {SqlScript.Identifier(source)}");
        }
    }

    private static bool HasLog(string database) => new FileInfo(database + ".wal") is { Exists: true, Length: > 0 };

    private static void DeleteLeftovers(string compacted)
    {
        // A leftover copy is from a compaction that did not finish; the warehouse itself was never touched.
        File.Delete(compacted);
        File.Delete(compacted + ".wal");
    }

    private static List<(string Schema, string Table)> Tables(DuckDbConnection connection, string catalog)
    {
        var tables = new List<(string, string)>();
        using var command = new DuckDbCommand(TablesSql, connection);
        command.Parameters.Add("catalog", catalog);
        using var reader = command.ExecuteReader();
        while (reader.Read()) tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }

    private static string? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = new DuckDbCommand(sql, connection);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long Count(DuckDbConnection connection, string sql)
    {
        using var command = new DuckDbCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
