using System.Globalization;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// The governance log inside the warehouse (<c>ops.governance_log</c>): every retention purge,
/// compaction, subject view, erasure, correction and key rotation, with who ran it and when.
/// </summary>
/// <remarks>
/// Append-only by construction: the product inserts entries and has no code that updates or
/// deletes them; a purge leaves the log alone and a key rotation does not re-key it (each entry
/// keeps the <see cref="GovernanceLogEntry.KeyGeneration"/> its pseudonym was computed under).
/// Entries hold counts and keyed pseudonyms, never a raw child identifier: every writer in
/// this namespace builds <c>details</c> from numbers, table names and settings only.
/// The command-line host's access log (<c>warehouse.access.log</c>) is a separate file; the
/// <c>warehouse log</c> command shows both.
/// </remarks>
public static class GovernanceLog
{
    /// <summary>A retention purge (<see cref="RetentionPurge"/>).</summary>
    public const string Purge = "purge";

    /// <summary>The warehouse file was rewritten so deleted data no longer lingers in it (<see cref="WarehouseCompaction"/>).</summary>
    public const string Compact = "compact";

    /// <summary>A child's records were looked up and shown (<see cref="SubjectAccess.Find"/>).</summary>
    public const string View = "view";

    /// <summary>A child's records were erased and the pseudonym added to the erasure list.</summary>
    public const string Erase = "erase";

    /// <summary>Records were moved from a wrong child id to the right one.</summary>
    public const string Correct = "correct";

    /// <summary>A key was added to the chain and every stored pseudonym re-keyed (<see cref="KeyRotation"/>).</summary>
    public const string KeyRotationAction = "key-rotation";

    /// <summary>A rotation interrupted between its commit and the key file's replacement was resolved.</summary>
    public const string KeyRecovery = "key-recovery";

    private const string InsertSql = """
        INSERT INTO ops.governance_log (entry_id, logged_at, who, action, partnership, pseudonym, other_pseudonym, key_generation, details)
        SELECT coalesce(max(entry_id), 0) + 1, $at, $who, $action, $partnership, $pseudonym, $other, $generation, $details
        FROM ops.governance_log
        """;

    private const string ReadSql = """
        SELECT entry_id, logged_at, who, action, partnership, pseudonym, other_pseudonym, key_generation, details
        FROM ops.governance_log
        WHERE logged_at >= $since
        ORDER BY entry_id
        """;

    /// <summary>Reads the log, oldest first.</summary>
    /// <param name="connection">The warehouse (read-only is enough).</param>
    /// <param name="since">Only entries at or after this time; null for all.</param>
    public static IReadOnlyList<GovernanceLogEntry> Read(DuckDbConnection connection, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = new DuckDbCommand(ReadSql, connection);
        command.Parameters.Add("since", since ?? DateTimeOffset.UnixEpoch);
        using var reader = command.ExecuteReader();
        var entries = new List<GovernanceLogEntry>();
        while (reader.Read())
        {
            entries.Add(new GovernanceLogEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetString(8)));
        }
        return entries;
    }

    /// <summary>The operating-system user running this process: who the log says acted.</summary>
    internal static string CurrentUser => string.IsNullOrWhiteSpace(Environment.UserName) ? "(unknown)" : Environment.UserName;

    /// <summary>Appends an entry (inside the caller's transaction, so it commits with the action it records).</summary>
    internal static void Append(DuckDbConnection connection, DateTimeOffset at, string action, string details,
        string? partnership = null, string? pseudonym = null, string? otherPseudonym = null, int? keyGeneration = null)
    {
        using var command = new DuckDbCommand(InsertSql, connection);
        command.Parameters.Add("at", at);
        command.Parameters.Add("who", CurrentUser);
        command.Parameters.Add("action", action);
        command.Parameters.Add("partnership", partnership);
        command.Parameters.Add("pseudonym", pseudonym);
        command.Parameters.Add("other", otherPseudonym);
        command.Parameters.Add("generation", keyGeneration);
        command.Parameters.Add("details", details);
        command.ExecuteNonQuery();
    }

    /// <summary>Formats counts per table as <c>table n; table n</c> (invariant culture), the only shape details take.</summary>
    internal static string Counts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var text = new StringBuilder();
        foreach (var (name, count) in counts)
        {
            if (text.Length > 0) text.Append("; ");
            text.Append(name).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture));
        }
        return text.Length > 0 ? text.ToString() : "no rows";
    }
}
