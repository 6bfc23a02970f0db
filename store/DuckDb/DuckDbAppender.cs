using System.Runtime.InteropServices;
using System.Text;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// Bulk loading into one table through DuckDB's appender: values are appended column by column,
/// each row closed with <see cref="EndRow"/>. Much faster than INSERT statements; rows become
/// visible when the appender is flushed or disposed, inside the connection's transaction.
/// </summary>
/// <remarks>Belongs to its connection's thread, like the connection.</remarks>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle handle = new();
    private readonly string table;
    private readonly DuckDbConnection connection;
    private byte[] buffer = new byte[256];
    private bool closed;

    internal DuckDbAppender(DuckDbConnection connection, string? catalog, string? schema, string table)
    {
        this.table = table;
        this.connection = connection;
        var state = NativeMethods.duckdb_appender_create_ext(connection.Handle.DangerousGetHandle(), catalog, schema, table, out var raw);
        Marshal.InitHandle(handle, raw);
        if (state != DuckDbState.Success)
        {
            var message = ErrorMessage() ?? $"DuckDB could not create an appender for table '{table}'.";
            handle.Dispose();
            throw new DuckDbException(message);
        }
        ColumnCount = (int)NativeMethods.duckdb_appender_column_count(raw);
        connection.Track(this);
    }

    /// <summary>The number of columns each row must have.</summary>
    public int ColumnCount { get; }

    private IntPtr Raw => closed ? throw new ObjectDisposedException(nameof(DuckDbAppender)) : handle.DangerousGetHandle();

    /// <summary>Appends a NULL.</summary>
    public DuckDbAppender AppendNull() => Check(NativeMethods.duckdb_append_null(Raw));

    /// <summary>Appends a boolean.</summary>
    public DuckDbAppender Append(bool value) => Check(NativeMethods.duckdb_append_bool(Raw, value));

    /// <summary>Appends an integer.</summary>
    public DuckDbAppender Append(int value) => Check(NativeMethods.duckdb_append_int32(Raw, value));

    /// <summary>Appends an integer.</summary>
    public DuckDbAppender Append(long value) => Check(NativeMethods.duckdb_append_int64(Raw, value));

    /// <summary>Appends a double.</summary>
    public DuckDbAppender Append(double value) => Check(NativeMethods.duckdb_append_double(Raw, value));

    /// <summary>Appends a date.</summary>
    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.duckdb_append_date(Raw, Temporal.ToDays(value)));

    /// <summary>Appends a timestamp.</summary>
    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.duckdb_append_timestamp(Raw, Temporal.ToMicros(value)));

    /// <summary>Appends text, or NULL when the text is null.</summary>
    public DuckDbAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > buffer.Length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* pointer = buffer)
        {
            return Check(NativeMethods.duckdb_append_varchar_length(Raw, pointer, (ulong)written));
        }
    }

    /// <summary>Appends bytes as a BLOB.</summary>
    public DuckDbAppender Append(ReadOnlySpan<byte> value)
    {
        fixed (byte* pointer = value)
        {
            return Check(NativeMethods.duckdb_append_blob(Raw, pointer, (ulong)value.Length));
        }
    }

    /// <summary>Appends any supported value (null for NULL), choosing the call by its type.</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        int v => Append(v),
        long v => Append(v),
        short v => Append(v),
        sbyte v => Check(NativeMethods.duckdb_append_int8(Raw, v)),
        byte v => Check(NativeMethods.duckdb_append_uint8(Raw, v)),
        ushort v => Check(NativeMethods.duckdb_append_uint16(Raw, v)),
        uint v => Check(NativeMethods.duckdb_append_uint32(Raw, v)),
        ulong v => Check(NativeMethods.duckdb_append_uint64(Raw, v)),
        float v => Check(NativeMethods.duckdb_append_float(Raw, v)),
        double v => Append(v),
        decimal v => Append((double)v),
        Int128 v => Check(NativeMethods.duckdb_append_hugeint(Raw, ValueBinder.ToHugeInt(v))),
        string v => Append(v),
        Guid v => Append(v.ToString("D")),
        byte[] v => Append(v.AsSpan()),
        DateOnly v => Append(v),
        DateTime v => Append(v),
        TimeOnly v => Check(NativeMethods.duckdb_append_time(Raw, v.Ticks / 10)),
        DuckDbInterval v => Check(NativeMethods.duckdb_append_interval(Raw, new DuckDbIntervalNative(v.Months, v.Days, v.Micros))),
        _ => throw new NotSupportedException($"The appender cannot write a {value.GetType().Name} into table '{table}'."),
    };

    /// <summary>Appends a whole row and ends it.</summary>
    public void AppendRow(params ReadOnlySpan<object?> values)
    {
        foreach (var value in values) AppendValue(value);
        EndRow();
    }

    /// <summary>Closes the current row.</summary>
    public void EndRow() => Check(NativeMethods.duckdb_appender_end_row(Raw));

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(Raw));

    /// <summary>Flushes and closes the appender; errors from the final flush surface here.</summary>
    public void Close()
    {
        if (closed) return;
        connection.Untrack(this);
        try
        {
            Check(NativeMethods.duckdb_appender_close(handle.DangerousGetHandle()));
        }
        finally
        {
            closed = true;
            handle.Dispose();
        }
    }

    /// <summary>Closes the appender, flushing what was appended.</summary>
    public void Dispose() => Close();

    private DuckDbAppender Check(DuckDbState state)
    {
        if (state == DuckDbState.Success) return this;
        throw new DuckDbException(ErrorMessage() ?? $"DuckDB's appender for table '{table}' failed.");
    }

    private string? ErrorMessage()
    {
        var error = NativeMethods.duckdb_appender_error_data(handle.DangerousGetHandle());
        if (error == IntPtr.Zero) return null;
        try
        {
            return NativeMethods.Utf8(NativeMethods.duckdb_error_data_message(error));
        }
        finally
        {
            NativeMethods.duckdb_destroy_error_data(ref error);
        }
    }
}
