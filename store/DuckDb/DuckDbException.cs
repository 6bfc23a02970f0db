using System.Data.Common;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// Every error DuckDB reports, with DuckDB's own message and the SQL that failed (when there was SQL).
/// </summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception carrying DuckDB's message and the failing SQL.</summary>
    public DuckDbException(string message, string? sql = null, Exception? inner = null)
        : base(message, inner) => Sql = sql;

    /// <summary>Creates an exception with a message only.</summary>
    public DuckDbException() : this("DuckDB reported an error.") { }

    /// <summary>Creates an exception with a message only.</summary>
    public DuckDbException(string message) : this(message, null, null) { }

    /// <summary>Creates an exception wrapping another.</summary>
    public DuckDbException(string message, Exception inner) : this(message, null, inner) { }

    /// <summary>The statement DuckDB was running, or null for errors outside a statement.</summary>
    public string? Sql { get; }

    /// <summary>True when DuckDB stopped the statement because it was interrupted (<see cref="DuckDbCommand.Cancel"/>).</summary>
    public bool IsInterrupted => Message.Contains("INTERRUPT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the fault is the machine's, not the data's: a full disk or another I/O failure, memory
    /// exhausted, or a fatal error that invalidated the database. Retrying later can succeed; the
    /// input that was being processed is not to blame.
    /// </summary>
    public bool IsEnvironmentFault => Message.StartsWith("IO Error", StringComparison.Ordinal)
                                      || Message.StartsWith("Out of Memory Error", StringComparison.Ordinal)
                                      || Message.StartsWith("FATAL Error", StringComparison.OrdinalIgnoreCase)
                                      || EnvironmentSigns.Any(sign => Message.Contains(sign, StringComparison.OrdinalIgnoreCase));

    // A commit that cannot write the write-ahead log is a 'TransactionContext Error', not an 'IO Error'.
    private static readonly string[] EnvironmentSigns =
    [
        "database has been invalidated", "Failed to commit", "Could not write file", "No space left on device", "File too large",
    ];

    /// <summary>True when the database file is held by another process (DuckDB locks its file exclusively).</summary>
    public bool IsLockConflict => Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
                                  || Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
