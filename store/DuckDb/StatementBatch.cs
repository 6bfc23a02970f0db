using System.Runtime.InteropServices;
using System.Text;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>The statements of one command text, split by DuckDB's parser and prepared lazily.</summary>
internal sealed class StatementBatch : IDisposable
{
    private readonly DuckDbConnection connection;
    private readonly ExtractedStatementsHandle extracted;
    private readonly PreparedStatementHandle?[] prepared;

    private StatementBatch(DuckDbConnection connection, ExtractedStatementsHandle extracted, int count)
    {
        this.connection = connection;
        this.extracted = extracted;
        prepared = new PreparedStatementHandle?[count];
        connection.Track(this);
    }

    internal int Count => prepared.Length;

    internal static StatementBatch Parse(DuckDbConnection connection, string sql)
    {
        var extracted = new ExtractedStatementsHandle();
        var bytes = Encoding.UTF8.GetBytes(sql + "\0");
        ulong count;
        IntPtr raw;
        unsafe
        {
            fixed (byte* text = bytes)
            {
                count = NativeMethods.duckdb_extract_statements(connection.Handle.DangerousGetHandle(), text, out raw);
            }
        }
        Marshal.InitHandle(extracted, raw);
        if (count == 0)
        {
            var error = NativeMethods.Utf8(NativeMethods.duckdb_extract_statements_error(raw));
            extracted.Dispose();
            throw new DuckDbException(error ?? "The command has no SQL statement.", sql);
        }
        return new StatementBatch(connection, extracted, checked((int)count));
    }

    internal PreparedStatementHandle Prepare(int index, DuckDbCommand command)
    {
        if (prepared[index] is { } ready) return ready;
        var statement = new PreparedStatementHandle();
        var state = NativeMethods.duckdb_prepare_extracted_statement(
            connection.Handle.DangerousGetHandle(), extracted.DangerousGetHandle(), (ulong)index, out var handle);
        Marshal.InitHandle(statement, handle);
        if (state != DuckDbState.Success)
        {
            var message = NativeMethods.Utf8(NativeMethods.duckdb_prepare_error(handle)) ?? "DuckDB could not prepare the statement.";
            statement.Dispose();
            throw new DuckDbException(message, command.CommandText);
        }
        prepared[index] = statement;
        return statement;
    }

    public void Dispose()
    {
        connection.Untrack(this);
        foreach (var statement in prepared) statement?.Dispose();
        extracted.Dispose();
    }
}
