using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// A SQL command: one statement or a script of several, with positional (<c>$1</c>, <c>?</c>) or
/// named (<c>$name</c>) parameters. Statements are prepared once and reused until the text changes.
/// </summary>
/// <remarks>Belongs to its connection's thread; <see cref="Cancel"/> may be called from any thread.</remarks>
public sealed class DuckDbCommand : DbCommand
{
    private string commandText = string.Empty;
    private DuckDbConnection? connection;
    private StatementBatch? batch;

    /// <summary>Creates a command with no connection.</summary>
    public DuckDbCommand() { }

    /// <summary>Creates a command with its text and connection.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection connection)
    {
        CommandText = commandText;
        Connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => commandText;
        set
        {
            if (value == commandText) return;
            DropPrepared();
            commandText = value ?? string.Empty;
        }
    }

    /// <inheritdoc />
    public override int CommandTimeout { get; set; }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException("DuckDB runs SQL text only.");
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The command's connection.</summary>
    public new DuckDbConnection? Connection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(value, connection)) DropPrepared();
            connection = value;
        }
    }

    /// <summary>The command's parameters.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => connection;
        set => Connection = (DuckDbConnection?)value;
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>Interrupts the running statement (DuckDB's <c>duckdb_interrupt</c>).</summary>
    public override void Cancel() => connection?.Interrupt();

    /// <inheritdoc />
    public override int ExecuteNonQuery()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        while (reader.NextResult())
        {
            // Run every statement of a script; rows changed are summed by the reader.
        }
        return reader.RecordsAffected;
    }

    /// <inheritdoc />
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    /// <inheritdoc />
    public override void Prepare() => EnsureParsed();

    /// <summary>Runs the command and reads its rows.</summary>
    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        EnsureParsed();
        return new DuckDbDataReader(this, behavior);
    }

    /// <inheritdoc />
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        RunCancellable(() => ExecuteDbDataReader(behavior), cancellationToken);

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        RunCancellable(ExecuteNonQuery, cancellationToken);

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        RunCancellable(ExecuteScalar, cancellationToken);

    /// <summary>
    /// Runs a statement on the calling thread (DuckDB's API is synchronous) with the token wired
    /// to <see cref="Cancel"/>, so cancelling interrupts DuckDB and surfaces as a cancellation.
    /// </summary>
    private async Task<T> RunCancellable<T>(Func<T> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var registration = cancellationToken.Register(Cancel);
        try
        {
            return run();
        }
        catch (DuckDbException e) when (cancellationToken.IsCancellationRequested && e.IsInterrupted)
        {
            throw new OperationCanceledException("The statement was cancelled.", e, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) DropPrepared();
        base.Dispose(disposing);
    }

    /// <summary>Executes one prepared statement with this command's parameters bound.</summary>
    internal ResultHandle Execute(PreparedStatementHandle statement)
    {
        Bind(statement);
        var result = new ResultHandle();
        unsafe
        {
            if (NativeMethods.duckdb_execute_prepared(statement.DangerousGetHandle(), result.Pointer) != DuckDbState.Success)
            {
                var message = NativeMethods.Utf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? "DuckDB could not run the statement.";
                result.Dispose();
                throw new DuckDbException(message, commandText);
            }
        }
        return result;
    }

    /// <summary>How many statements the command text holds (parsing it on first use).</summary>
    internal int StatementCount => EnsureParsed().Count;

    /// <summary>
    /// Prepares statement <paramref name="index"/> of the script if needed and runs it. Statements
    /// are prepared one at a time, just before they run, so a script may create a table and then
    /// use it.
    /// </summary>
    internal ResultHandle ExecuteStatement(int index)
    {
        var batch = EnsureParsed();
        return Execute(batch.Prepare(index, this));
    }

    private StatementBatch EnsureParsed()
    {
        var open = connection ?? throw new InvalidOperationException("The command has no connection.");
        if (open.State != ConnectionState.Open) throw new InvalidOperationException("The command's connection is not open.");
        if (batch is not null) return batch;
        if (string.IsNullOrWhiteSpace(commandText)) throw new InvalidOperationException("The command has no text.");
        batch = StatementBatch.Parse(open, commandText);
        return batch;
    }

    private void Bind(PreparedStatementHandle statement)
    {
        var handle = statement.DangerousGetHandle();
        var count = NativeMethods.duckdb_nparams(handle);
        if (count == 0) return;
        NativeMethods.duckdb_clear_bindings(handle);
        for (ulong index = 1; index <= count; index++)
        {
            var name = NativeMethods.Utf8AndFree(NativeMethods.duckdb_parameter_name(handle, index)) ?? string.Empty;
            var parameter = FindParameter(name, index);
            var state = ValueBinder.Bind(handle, index, parameter.Value);
            if (state != DuckDbState.Success)
            {
                var error = NativeMethods.Utf8(NativeMethods.duckdb_prepare_error(handle));
                throw new DuckDbException(
                    $"Could not bind parameter ${name} to a {parameter.Value?.GetType().Name ?? "null"} value{(error is null ? "" : ": " + error)}.",
                    commandText);
            }
        }
    }

    private DuckDbParameter FindParameter(string name, ulong index)
    {
        // DuckDB names '?' and '$n' parameters by their number; '$name' parameters by their name.
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            if (position >= 1 && position <= Parameters.Count) return Parameters[position - 1];
            throw new DuckDbException($"The statement uses parameter ${position}, but the command has {Parameters.Count} parameter(s).", commandText);
        }
        var found = Parameters.IndexOf(name);
        if (found >= 0) return Parameters[found];
        throw new DuckDbException($"The statement uses parameter ${name} (number {index}), but the command has no parameter of that name.", commandText);
    }

    private void DropPrepared()
    {
        batch?.Dispose();
        batch = null;
    }
}
