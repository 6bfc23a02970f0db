using System.Globalization;
using System.Security.Cryptography;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Etl.Staging;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Key rotation. An HMAC cannot be re-keyed without the raw ids, which are never stored, so
/// pseudonyms are chained: rotation appends a new key to the chain and replaces every stored
/// pseudonym p by HMAC(new key, p), in one transaction; every later load applies the whole chain
/// in order (<see cref="PseudonymKeyChain.Pseudonym"/>), so new rows link to the old ones.
/// </summary>
/// <remarks>
/// <para>Order of work, so that a crash at any point can be recovered: (1) the new key file is
/// written beside the old one as <c>&lt;key file&gt;.next</c>, owner-only and flushed to disk;
/// (2) one transaction re-keys every column named <c>child_key</c> in every table (facts,
/// erasure list, analytics results), records the chain's fingerprints in
/// <c>ops.key_generations</c> and logs the rotation; (3) after the commit, <c>.next</c> is
/// renamed over the key file (atomic).</para>
/// <para>A crash before the commit leaves the warehouse as it was and a <c>.next</c> nobody
/// uses; a crash after the commit leaves the warehouse re-keyed and the new chain in
/// <c>.next</c> only. <see cref="Check"/> sees either case (a <c>.next</c> exists) and says
/// loads must wait; <see cref="Recover"/> compares the fingerprints the warehouse recorded
/// with <c>.next</c> and finishes the rename or deletes <c>.next</c> accordingly.</para>
/// <para>Nothing else may use the warehouse during a rotation (the command-line host runs one
/// command at a time; DuckDB locks the file against other processes).</para>
/// </remarks>
public static class KeyRotation
{
    private const string ChildKeyTablesSql = """
        SELECT c.table_schema, c.table_name
        FROM information_schema.columns c
        JOIN information_schema.tables t
          ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_catalog = current_database() AND t.table_type = 'BASE TABLE' AND c.column_name = 'child_key'
        ORDER BY c.table_schema, c.table_name
        """;

    private const int KeyBytes = 32;

    /// <summary>The file a rotation writes its new key chain to before it commits.</summary>
    public static string PendingPath(string keyFile) => Path.GetFullPath(keyFile) + ".next";

    /// <summary>
    /// Rotates the key: generates a new 32-byte key, re-keys every stored pseudonym in one
    /// transaction, then appends the key to the key file (the file keeps the whole chain).
    /// </summary>
    /// <param name="connection">The warehouse, open for writing, used by nothing else meanwhile.</param>
    /// <param name="keyFile">The key file (owner-only); <c>WAREHOUSE_KEY</c> must not be set.</param>
    /// <param name="clock">For the log entry and the fingerprints' dates.</param>
    /// <exception cref="PseudonymKeyException">The key comes from the environment, or the key file is missing or unsafe.</exception>
    /// <exception cref="InvalidOperationException">An earlier rotation is unfinished, or the key file does not match the warehouse.</exception>
    public static KeyRotationReport Rotate(DuckDbConnection connection, string keyFile, TimeProvider clock) =>
        Rotate(connection, keyFile, clock, afterCommit: null);

    /// <summary>Rotation with a hook between the commit and the key file's replacement (tests simulate a crash there).</summary>
    internal static KeyRotationReport Rotate(DuckDbConnection connection, string keyFile, TimeProvider clock, Action? afterCommit)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PseudonymKeyChain.EnvironmentVariable)))
        {
            throw new PseudonymKeyException(
                $"{PseudonymKeyChain.EnvironmentVariable} is set: it holds one key and cannot hold a chain. Rotate with a key file (unset {PseudonymKeyChain.EnvironmentVariable}), then use that file.");
        }
        var file = Path.GetFullPath(keyFile);
        var next = PendingPath(file);
        if (File.Exists(next))
            throw new InvalidOperationException($"An earlier key rotation did not finish ('{next}' exists). Run 'warehouse key recover' first.");

        var keys = KeyFile.Read(file);
        var recorded = Recorded(connection);
        if (recorded.Count > 0 && !Matches(recorded, keys))
            throw new InvalidOperationException(MismatchMessage(file, keys.Count, recorded.Count));

        var now = clock.GetUtcNow();
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var generation = keys.Count + 1;
        var text = File.ReadAllText(file);
        if (text.Length > 0 && !text.EndsWith('\n')) text += "\n";
        text += string.Create(CultureInfo.InvariantCulture, $"# generation {generation}, added by key rotation on {now:yyyy-MM-dd}\n{Convert.ToBase64String(key)}\n");
        OwnerOnlyFile.CreateNew(next, text);

        var rekeyed = new SortedDictionary<string, long>(StringComparer.Ordinal);
        try
        {
            SqlRekeyMacro.Define(connection, key);
            using var transaction = connection.BeginTransaction();
            foreach (var (schema, table) in ChildKeyTables(connection))
            {
                rekeyed[$"{schema}.{table}"] = connection.Execute(
                    $"UPDATE {SqlScript.Identifier(schema)}.{SqlScript.Identifier(table)} SET child_key = {SqlRekeyMacro.Name}(child_key) WHERE child_key IS NOT NULL");
            }
            var chain = new List<byte[]>(keys) { key };
            for (var g = recorded.Count + 1; g <= chain.Count; g++) RecordFingerprint(connection, g, KeyFile.Fingerprint(chain[g - 1]), now);
            GovernanceLog.Append(connection, now, GovernanceLog.KeyRotationAction,
                string.Create(CultureInfo.InvariantCulture, $"generation {generation}; re-keyed {GovernanceLog.Counts(rekeyed)}"),
                keyGeneration: generation);
            transaction.Commit();
        }
        catch
        {
            // Not committed: the warehouse is under the old chain, which the key file still holds.
            File.Delete(next);
            throw;
        }
        finally
        {
            SqlRekeyMacro.Drop(connection);
        }

        afterCommit?.Invoke();
        File.Move(next, file, overwrite: true);
        return new KeyRotationReport(generation, rekeyed, PseudonymKeyChain.FromKeys([.. keys, key]));
    }

    /// <summary>
    /// Checks the key chain loads would use (<see cref="PseudonymKeyChain.Load"/>) against the
    /// warehouse, and looks for an unfinished rotation. Call before every load and keyed action.
    /// </summary>
    public static KeyChainStatus Check(DuckDbConnection connection, string keyFile)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var file = Path.GetFullPath(keyFile);
        var recorded = Recorded(connection);
        var next = PendingPath(file);
        if (File.Exists(next))
        {
            var committed = TryRead(next) is { } pending && Matches(recorded, pending);
            return new KeyChainStatus(false, true, TryRead(file)?.Count ?? 0, recorded.Count, committed
                ? $"A key rotation committed in the warehouse but did not replace the key file: the new chain is only in '{next}'. Loading now would break linkage. Run 'warehouse key recover' to finish it."
                : $"A key rotation did not commit: '{next}' holds a key the warehouse never used. Run 'warehouse key recover' to remove it; the warehouse and key file are as before the rotation.");
        }
        var keys = PseudonymKeyChain.Load(file).Keys;
        if (recorded.Count == 0)
        {
            return new KeyChainStatus(true, false, keys.Count, 0,
                "The warehouse has not been rotated yet, so it has no key fingerprints to compare the key file with.");
        }
        return Matches(recorded, keys)
            ? new KeyChainStatus(true, false, keys.Count, recorded.Count, string.Create(CultureInfo.InvariantCulture, $"The key file matches the warehouse (generation {keys.Count})."))
            : new KeyChainStatus(false, false, keys.Count, recorded.Count, MismatchMessage(file, keys.Count, recorded.Count));
    }

    /// <summary>
    /// Resolves an interrupted rotation: when the warehouse recorded the chain held in
    /// <c>.next</c>, the rotation committed and <c>.next</c> replaces the key file; otherwise it
    /// did not, and <c>.next</c> is deleted. Either way the decision is logged.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither file matches the warehouse: restore the key file from its backup.</exception>
    public static KeyRecoveryOutcome Recover(DuckDbConnection connection, string keyFile, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(clock);
        var file = Path.GetFullPath(keyFile);
        var next = PendingPath(file);
        if (!File.Exists(next)) return KeyRecoveryOutcome.NothingToRecover;

        var recorded = Recorded(connection);
        var pending = KeyFile.Read(next);
        KeyRecoveryOutcome outcome;
        string details;
        if (Matches(recorded, pending))
        {
            File.Move(next, file, overwrite: true);
            outcome = KeyRecoveryOutcome.Completed;
            details = string.Create(CultureInfo.InvariantCulture, $"finished an interrupted rotation: the key file now holds generation {pending.Count}, as the warehouse does");
        }
        else if (recorded.Count == 0 || Matches(recorded, KeyFile.Read(file)))
        {
            File.Delete(next);
            outcome = KeyRecoveryOutcome.RolledBack;
            details = "removed the new key of a rotation that did not commit; warehouse and key file unchanged";
        }
        else
        {
            throw new InvalidOperationException(
                $"Neither '{file}' nor '{next}' holds the key chain the warehouse was re-keyed with ({recorded.Count} keys). Restore the key file from its backup; do not load until 'warehouse key check' passes.");
        }

        using var transaction = connection.BeginTransaction();
        GovernanceLog.Append(connection, clock.GetUtcNow(), GovernanceLog.KeyRecovery, details, keyGeneration: recorded.Count == 0 ? null : recorded.Count);
        transaction.Commit();
        return outcome;
    }

    private static List<byte[]>? TryRead(string path)
    {
        try
        {
            return KeyFile.Read(path);
        }
        catch (PseudonymKeyException)
        {
            return null;
        }
    }

    private static bool Matches(List<string> recorded, IReadOnlyList<byte[]> keys) =>
        recorded.Count == keys.Count && recorded.Select((f, i) => f == KeyFile.Fingerprint(keys[i])).All(m => m);

    private static string MismatchMessage(string file, int fileKeys, int recordedKeys) => string.Create(CultureInfo.InvariantCulture,
        $"The key file '{file}' ({fileKeys} keys) is not the chain the warehouse's pseudonyms were made with ({recordedKeys} keys, checked by fingerprint). Loading with it would create pseudonyms that link to nothing. Use the right key file (restore it from its backup).");

    private static List<string> Recorded(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand("SELECT fingerprint FROM ops.key_generations ORDER BY generation", connection);
        using var reader = command.ExecuteReader();
        var fingerprints = new List<string>();
        while (reader.Read()) fingerprints.Add(reader.GetString(0));
        return fingerprints;
    }

    private static void RecordFingerprint(DuckDbConnection connection, int generation, string fingerprint, DateTimeOffset at)
    {
        using var command = new DuckDbCommand("INSERT INTO ops.key_generations (generation, fingerprint, recorded_at) VALUES ($1, $2, $3)", connection);
        command.Parameters.AddValue(generation);
        command.Parameters.AddValue(fingerprint);
        command.Parameters.AddValue(at);
        command.ExecuteNonQuery();
    }

    private static List<(string Schema, string Table)> ChildKeyTables(DuckDbConnection connection)
    {
        var tables = new List<(string, string)>();
        using var command = new DuckDbCommand(ChildKeyTablesSql, connection);
        using var reader = command.ExecuteReader();
        while (reader.Read()) tables.Add((reader.GetString(0), reader.GetString(1)));
        return tables;
    }
}
