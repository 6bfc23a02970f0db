using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// A connection to a DuckDB database: a file path, <c>:memory:</c> (private to this connection)
/// or <c>:memory:name</c> (shared by name within the process).
/// </summary>
/// <remarks>
/// <para>Connection string: <c>Data Source=path</c> followed by any DuckDB setting as
/// <c>name=value</c> (for example <c>access_mode=READ_ONLY;enable_external_access=false</c>); the
/// settings apply when the database is first opened in this process.</para>
/// <para>Thread rules: a connection and its commands, readers and appenders belong to one thread
/// at a time. Use one connection per thread; connections to one database share a single
/// DuckDB instance and are cheap to open. Only <see cref="DuckDbCommand.Cancel"/> may be called
/// from another thread.</para>
/// </remarks>
public sealed class DuckDbConnection : DbConnection
{
    private string connectionString = string.Empty;
    private string dataSource = string.Empty;
    private List<KeyValuePair<string, string>> options = [];
    private DuckDbDatabase? database;
    private ConnectionHandle? handle;
    private ConnectionState state = ConnectionState.Closed;

    /// <summary>Creates a closed connection.</summary>
    public DuckDbConnection() { }

    /// <summary>Creates a closed connection with a connection string (or a bare path).</summary>
    public DuckDbConnection(string connectionString) => ConnectionString = connectionString;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => connectionString;
        set
        {
            if (state != ConnectionState.Closed) throw new InvalidOperationException("Close the connection before changing its connection string.");
            connectionString = value ?? string.Empty;
            (dataSource, options) = Parse(connectionString);
        }
    }

    /// <inheritdoc />
    public override string Database => string.Empty;

    /// <inheritdoc />
    public override string DataSource => dataSource;

    /// <inheritdoc />
    public override string ServerVersion => NativeMethods.Utf8(NativeMethods.duckdb_library_version()) ?? "unknown";

    /// <inheritdoc />
    public override ConnectionState State => state;

    // Native objects made on this connection (prepared statements, appenders) hold DuckDB's client
    // context, and through it the database instance: a command someone forgot to dispose would
    // keep the file open and locked after Close(). Close() therefore disposes whatever is left.
    private readonly HashSet<IDisposable> dependents = [];

    internal void Track(IDisposable dependent) => dependents.Add(dependent);

    internal void Untrack(IDisposable dependent) => dependents.Remove(dependent);

    /// <summary>The transaction in progress on this connection, if any.</summary>
    internal DuckDbTransaction? CurrentTransaction { get; set; }

    internal ConnectionHandle Handle =>
        handle ?? throw new InvalidOperationException("The connection is not open.");

    /// <inheritdoc />
    public override void Open()
    {
        if (state == ConnectionState.Open) throw new InvalidOperationException("The connection is already open.");
        var opened = DuckDbDatabase.Acquire(dataSource, options);
        try
        {
            var connection = new ConnectionHandle();
            if (NativeMethods.duckdb_connect(opened.Handle.DangerousGetHandle(), out var raw) != DuckDbState.Success)
                throw new DuckDbException($"DuckDB could not connect to '{dataSource}'.");
            Marshal.InitHandle(connection, raw);
            handle = connection;
            database = opened;
            state = ConnectionState.Open;
        }
        catch
        {
            opened.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (state == ConnectionState.Closed) return;
        if (CurrentTransaction is { } transaction)
        {
            transaction.Dispose();
        }
        foreach (var dependent in dependents.ToList()) dependent.Dispose();
        dependents.Clear();
        handle?.Dispose();
        handle = null;
        database?.Release();
        database = null;
        state = ConnectionState.Closed;
    }

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB has no database switch on a connection; use ATTACH and USE in SQL.");

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Begins a transaction (DuckDB transactions are snapshot isolated).</summary>
    public new DuckDbTransaction BeginTransaction() => (DuckDbTransaction)BeginDbTransaction(IsolationLevel.Unspecified);

    /// <summary>Creates an appender for bulk loading into a table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="schema">Its schema, or null for the default.</param>
    /// <param name="catalog">Its database (an attached database's name), or null for the default.</param>
    public DuckDbAppender CreateAppender(string table, string? schema = null, string? catalog = null) => new(this, catalog, schema, table);

    /// <summary>Runs one or more statements and returns the rows the last one changed.</summary>
    public int Execute(string sql)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs a query and returns the first column of its first row as <typeparamref name="T"/>
    /// (a HUGEINT sum read as long, a DATE as DateOnly…), or default when there is no row or it is NULL.
    /// </summary>
    /// <param name="sql">The query.</param>
    /// <param name="parameters">Positional parameters ($1, $2… or ?).</param>
    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.AddValue(parameter);
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
    }

    /// <summary>Interrupts the statement running on this connection, from any thread.</summary>
    public void Interrupt()
    {
        var current = handle;
        if (current is null || current.IsClosed) return;
        NativeMethods.duckdb_interrupt(current.DangerousGetHandle());
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (CurrentTransaction is not null) throw new InvalidOperationException("A transaction is already in progress on this connection; DuckDB has no nested transactions.");
        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
            throw new ArgumentException($"DuckDB transactions are snapshot isolated; {isolationLevel} is not available.", nameof(isolationLevel));
        Execute("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this, isolationLevel);
        return CurrentTransaction;
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    private static (string DataSource, List<KeyValuePair<string, string>> Options) Parse(string text)
    {
        if (text.Length == 0) return (":memory:", []);
        // A bare path or ":memory:" is accepted as a data source on its own.
        if (!text.Contains('=', StringComparison.Ordinal)) return (text.Trim(), []);

        var builder = new DbConnectionStringBuilder { ConnectionString = text };
        string? source = null;
        var settings = new List<KeyValuePair<string, string>>();
        foreach (string key in builder.Keys)
        {
            var value = Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (key.Equals("data source", StringComparison.OrdinalIgnoreCase) || key.Equals("datasource", StringComparison.OrdinalIgnoreCase))
                source = value;
            else
                settings.Add(new(key.ToLowerInvariant(), value));
        }
        settings.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (string.IsNullOrWhiteSpace(source) ? ":memory:" : source, settings);
    }
}
