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

    /// <summary>True when the database file is held by another process (DuckDB locks its file exclusively).</summary>
    public bool IsLockConflict => Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
                                  || Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
