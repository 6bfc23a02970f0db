using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Finds, counts, deletes and moves every row about a set of children, in every table that
/// holds such rows — found from the schema, so tables added later (analytics results, audit
/// judgements) are covered without changing this code.
/// </summary>
/// <remarks>
/// <para>The children are the rows of <see cref="Children"/> (partnership, child_key), a
/// temporary table (memory only, never the warehouse file). <see cref="Collect"/> adds their
/// consultations to <see cref="Consultations"/>, so rows keyed only by consultation_id go too.</para>
/// <para>A row belongs to a child when its child_key, or its consultation_id, matches inside
/// the same partnership. A table without a partnership column takes it from
/// <c>analytics.check_runs</c> through its run_id when it has one (a run no longer there
/// matches any partnership); a table with neither is matched on child_key or consultation_id
/// alone (documented in docs/data-protection.md).</para>
/// <para>Never touched here: <c>ops.erased_children</c> (the erasure list must outlive the
/// records) and <c>ops.governance_log</c> (append-only).</para>
/// </remarks>
internal static class ChildRecords
{
    internal const string Children = "temp.main.governance_children";
    internal const string Consultations = "temp.main.governance_consultations";

    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "ops.erased_children", "ops.governance_log" };

    private const string TablesSql = """
        SELECT c.table_schema, c.table_name,
               bool_or(c.column_name = 'child_key'), bool_or(c.column_name = 'consultation_id'),
               bool_or(c.column_name = 'partnership'), bool_or(c.column_name = 'run_id')
        FROM information_schema.columns c
        JOIN information_schema.tables t
          ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_catalog = current_database() AND t.table_type = 'BASE TABLE'
        GROUP BY c.table_schema, c.table_name
        HAVING bool_or(c.column_name = 'child_key') OR bool_or(c.column_name = 'consultation_id')
        ORDER BY c.table_schema, c.table_name
        """;

    private const string RunsHavePartnershipSql = """
        SELECT count(*) FROM information_schema.columns
        WHERE table_catalog = current_database() AND table_schema = 'analytics' AND table_name = 'check_runs'
          AND column_name IN ('run_id', 'partnership')
        """;

    /// <summary>Creates the empty target tables, replacing any earlier ones of this connection.</summary>
    internal static void Reset(DuckDbConnection connection) => connection.Execute($"""
        CREATE OR REPLACE TEMP TABLE governance_children (partnership VARCHAR NOT NULL, child_key VARCHAR NOT NULL);
        CREATE OR REPLACE TEMP TABLE governance_consultations (partnership VARCHAR NOT NULL, consultation_id VARCHAR NOT NULL);
        """);

    /// <summary>Drops the target tables, so no pseudonym stays in memory longer than the action.</summary>
    internal static void Release(DuckDbConnection connection) => connection.Execute("""
        DROP TABLE IF EXISTS temp.main.governance_children;
        DROP TABLE IF EXISTS temp.main.governance_consultations;
        """);

    /// <summary>Targets one child, in one partnership or (null) in every partnership that has rows for its key.</summary>
    internal static void Target(DuckDbConnection connection, string? partnership, string childKey)
    {
        Reset(connection);
        using var command = new DuckDbCommand(partnership is not null
            ? $"INSERT INTO {Children} VALUES ($partnership, $key)"
            : $"""
              INSERT INTO {Children}
              SELECT DISTINCT partnership, $key FROM (
                  SELECT partnership FROM fact.consultation WHERE child_key = $key
                  UNION ALL SELECT partnership FROM fact.annex_a_event WHERE child_key = $key
                  UNION ALL SELECT partnership FROM ops.erased_children WHERE child_key = $key)
              """, connection);
        command.Parameters.Add("key", childKey);
        if (partnership is not null) command.Parameters.Add("partnership", partnership);
        command.ExecuteNonQuery();
        Collect(connection);
    }

    /// <summary>Adds the targeted children's consultations to <see cref="Consultations"/>.</summary>
    internal static void Collect(DuckDbConnection connection) => connection.Execute($"""
        INSERT INTO {Consultations}
        SELECT c.partnership, c.consultation_id FROM fact.consultation c
        JOIN {Children} g ON g.partnership = c.partnership AND g.child_key = c.child_key
        """);

    /// <summary>Every table holding rows about a child, except those never touched here.</summary>
    internal static IReadOnlyList<ChildTable> Tables(DuckDbConnection connection)
    {
        var tables = new List<ChildTable>();
        using var command = new DuckDbCommand(TablesSql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = new ChildTable(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5));
            if (!Kept.Contains(table.Display)) tables.Add(table);
        }
        return tables;
    }

    /// <summary>How many rows each table holds about the targeted children (tables with none included, as 0).</summary>
    internal static SortedDictionary<string, long> Count(DuckDbConnection connection)
    {
        var runs = RunsHavePartnership(connection);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables(connection))
        {
            using var command = new DuckDbCommand($"SELECT count(*) FROM {table.Sql} AS t WHERE {Belongs(table, runs)}", connection);
            counts[table.Display] = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Deletes every row about the targeted children; returns the rows deleted per table.</summary>
    internal static SortedDictionary<string, long> Delete(DuckDbConnection connection)
    {
        var runs = RunsHavePartnership(connection);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables(connection))
        {
            counts[table.Display] = connection.Execute($"DELETE FROM {table.Sql} AS t WHERE {Belongs(table, runs)}");
        }
        return counts;
    }

    /// <summary>
    /// Moves rows from one child key to another inside a partnership: every child_key column, or,
    /// when <paramref name="consultationIds"/> is given, only rows of those consultations (rows
    /// without a consultation_id, such as Annex A events, then stay where they are).
    /// </summary>
    internal static SortedDictionary<string, long> Move(DuckDbConnection connection, string partnership, string fromKey, string toKey,
        IReadOnlyCollection<string>? consultationIds)
    {
        var runs = RunsHavePartnership(connection);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables(connection).Where(t => t.HasChildKey))
        {
            if (consultationIds is not null && !table.HasConsultationId) continue;
            var inPartnership = PartnershipOf(table, runs) is { } p ? $" AND coalesce({p}, $partnership) = $partnership" : string.Empty;
            var onlyThese = consultationIds is not null ? " AND list_contains($ids, t.consultation_id)" : string.Empty;
            using var command = new DuckDbCommand(
                $"UPDATE {table.Sql} AS t SET child_key = $to WHERE t.child_key = $from{inPartnership}{onlyThese}", connection);
            command.Parameters.Add("to", toKey);
            command.Parameters.Add("from", fromKey);
            if (inPartnership.Length > 0) command.Parameters.Add("partnership", partnership);
            if (consultationIds is not null) command.Parameters.Add("ids", consultationIds.ToArray());
            counts[table.Display] = command.ExecuteNonQuery();
        }
        return counts;
    }

    private static bool RunsHavePartnership(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand(RunsHavePartnershipSql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 2;
    }

    private static string? PartnershipOf(ChildTable table, bool runsHavePartnership) =>
        table.HasPartnership ? "t.partnership"
        : table.HasRunId && runsHavePartnership ? "(SELECT r.partnership FROM analytics.check_runs r WHERE r.run_id = t.run_id)"
        : null;

    private static string Belongs(ChildTable table, bool runsHavePartnership)
    {
        var partnership = PartnershipOf(table, runsHavePartnership);
        // coalesce: a row whose run is no longer in analytics.check_runs still goes with its child.
        var samePartnership = partnership is null ? string.Empty : $" AND g.partnership = coalesce({partnership}, g.partnership)";
        var tests = new List<string>(2);
        if (table.HasChildKey)
            tests.Add($"EXISTS (SELECT 1 FROM {Children} g WHERE g.child_key = t.child_key{samePartnership})");
        if (table.HasConsultationId)
            tests.Add($"EXISTS (SELECT 1 FROM {Consultations} g WHERE g.consultation_id = t.consultation_id{samePartnership})");
        return string.Join(" OR ", tests);
    }
}
