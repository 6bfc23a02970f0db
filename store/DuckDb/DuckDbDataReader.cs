using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// Reads a command's results chunk by chunk (<c>duckdb_fetch_chunk</c>), taking values straight
/// from DuckDB's vectors. A script's statements run in order; each one that returns rows is a
/// result set (<see cref="NextResult"/>).
/// </summary>
/// <remarks>Belongs to its connection's thread, like the connection.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "DbDataReader's shape is fixed by ADO.NET.")]
public sealed class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand command;
    private readonly CommandBehavior behavior;
    private int nextStatement;
    private int recordsAffected = -1;
    private ResultHandle? result;
    private ColumnInfo[] columns = [];
    private DataChunkHandle? chunk;
    private VectorReader[] vectors = [];
    private ulong chunkSize;
    private ulong row;
    private bool hasRows;
    private bool closed;

    internal DuckDbDataReader(DuckDbCommand command, CommandBehavior behavior)
    {
        this.command = command;
        this.behavior = behavior;
        AdvanceToResultSet();
    }

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => columns.Length;

    /// <inheritdoc />
    public override bool HasRows => hasRows;

    /// <inheritdoc />
    public override bool IsClosed => closed;

    /// <inheritdoc />
    public override int RecordsAffected => recordsAffected;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        if (result is null) return false;
        if (chunk is not null && ++row < chunkSize) return true;
        return FetchChunk();
    }

    /// <inheritdoc />
    public override bool NextResult()
    {
        DropResult();
        return AdvanceToResultSet();
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (closed) return;
        DropResult();
        // Statements not yet run are skipped, as other providers do when a reader closes early.
        closed = true;
        if ((behavior & CommandBehavior.CloseConnection) != 0) command.Connection?.Close();
    }

    /// <inheritdoc />
    public override string GetName(int ordinal) => columns[ordinal].Name;

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2201", Justification = "ADO.NET specifies IndexOutOfRangeException for an unknown column.")]
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal)) return i;
        }
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        }
        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => columns[ordinal].TypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => columns[ordinal].ClrType;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Current(ordinal).IsNull(row);

    /// <inheritdoc />
    public override object GetValue(int ordinal)
    {
        var vector = Current(ordinal);
        return vector.IsNull(row) ? DBNull.Value : vector.Value(row);
    }

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, columns.Length);
        for (var i = 0; i < count; i++) values[i] = GetValue(i);
        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal)
    {
        var vector = NotNull(ordinal);
        return vector.Column.Type == DuckDbType.Boolean ? vector.Boolean(row) : Convert.ToBoolean(vector.Value(row), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => Convert.ToByte(NotNull(ordinal).Value(row), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => NotNull(ordinal).Value(row) is BigInteger big ? (short)big : Convert.ToInt16(NotNull(ordinal).Value(row), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => NotNull(ordinal).Value(row) is BigInteger big ? (int)big : Convert.ToInt32(NotNull(ordinal).Value(row), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override long GetInt64(int ordinal)
    {
        var vector = NotNull(ordinal);
        if (vector.Column.Type == DuckDbType.BigInt) return vector.Int64(row);
        var value = vector.Value(row);
        return value is BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => Convert.ToSingle(NotNull(ordinal).Value(row), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override double GetDouble(int ordinal)
    {
        var vector = NotNull(ordinal);
        if (vector.Column.Type == DuckDbType.Double) return vector.Double(row);
        var value = vector.Value(row);
        return value is BigInteger big ? (double)big : Convert.ToDouble(value, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => NotNull(ordinal).Value(row) switch
    {
        BigInteger big => (decimal)big,
        var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public override string GetString(int ordinal)
    {
        var vector = NotNull(ordinal);
        return vector.Column.Type == DuckDbType.Varchar ? vector.String(row) : Convert.ToString(vector.Value(row), CultureInfo.InvariantCulture)!;
    }

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => NotNull(ordinal).Value(row) switch
    {
        DateTime value => value,
        var other => throw new InvalidCastException($"Column '{GetName(ordinal)}' is {GetDataTypeName(ordinal)}, not a date or timestamp ({other.GetType().Name})."),
    };

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => NotNull(ordinal).Value(row) switch
    {
        Guid value => value,
        string text => Guid.Parse(text, CultureInfo.InvariantCulture),
        var other => throw new InvalidCastException($"Column '{GetName(ordinal)}' is {GetDataTypeName(ordinal)}, not a UUID ({other.GetType().Name})."),
    };

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = NotNull(ordinal).Value(row) as byte[] ?? throw new InvalidCastException($"Column '{GetName(ordinal)}' is not a BLOB.");
        if (buffer is null) return bytes.Length;
        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        var vector = Current(ordinal);
        if (vector.IsNull(row))
        {
            if (default(T) is null) return default!;
            throw new InvalidCastException($"Column '{GetName(ordinal)}' is NULL in this row; read it as a nullable type.");
        }
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object value = type switch
        {
            _ when type == typeof(DateOnly) && vector.Column.Type == DuckDbType.Date => vector.Date(row),
            _ when type == typeof(DateOnly) => DateOnly.FromDateTime(GetDateTime(ordinal)),
            _ when type == typeof(TimeOnly) => TimeOnly.FromTimeSpan((TimeSpan)vector.Value(row)),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(GetDateTime(ordinal), DateTimeKind.Utc)),
            _ when type == typeof(Int128) => (Int128)(BigInteger)vector.Value(row),
            _ when type == typeof(TimeSpan) && vector.Value(row) is DuckDbInterval interval => interval.ToTimeSpan(),
            _ => vector.Value(row),
        };
        if (value is T typed) return typed;
        if (value is BigInteger big && type == typeof(long)) return (T)(object)(long)big;
        if (value is BigInteger wide && type == typeof(decimal)) return (T)(object)(decimal)wide;
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    public override DataTable GetSchemaTable()
    {
        var table = new DataTable("SchemaTable") { Locale = CultureInfo.InvariantCulture };
        table.Columns.Add(SchemaTableColumn.ColumnName, typeof(string));
        table.Columns.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        table.Columns.Add(SchemaTableColumn.DataType, typeof(Type));
        table.Columns.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        table.Columns.Add("DataTypeName", typeof(string));
        for (var i = 0; i < columns.Length; i++)
        {
            table.Rows.Add(columns[i].Name, i, columns[i].ClrType, true, columns[i].TypeName);
        }
        return table;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }

    private VectorReader Current(int ordinal)
    {
        if (chunk is null || row >= chunkSize) throw new InvalidOperationException("No current row: call Read() first, and only read while it returns true.");
        return vectors[ordinal];
    }

    private VectorReader NotNull(int ordinal)
    {
        var vector = Current(ordinal);
        if (vector.IsNull(row)) throw new InvalidCastException($"Column '{GetName(ordinal)}' is NULL in this row; check IsDBNull first.");
        return vector;
    }

    /// <summary>Runs statements until one returns rows; statements that change rows add to RecordsAffected.</summary>
    private bool AdvanceToResultSet()
    {
        while (nextStatement < command.StatementCount)
        {
            var executed = command.ExecuteStatement(nextStatement++);
            DuckDbResultType kind;
            unsafe
            {
                kind = NativeMethods.duckdb_result_return_type(*executed.Pointer);
                if (kind == DuckDbResultType.ChangedRows)
                {
                    recordsAffected = Math.Max(recordsAffected, 0) + (int)NativeMethods.duckdb_rows_changed(executed.Pointer);
                }
            }
            if (kind == DuckDbResultType.QueryResult)
            {
                Attach(executed);
                return true;
            }
            executed.Dispose();
        }
        return false;
    }

    private unsafe void Attach(ResultHandle executed)
    {
        result = executed;
        var count = (int)NativeMethods.duckdb_column_count(executed.Pointer);
        columns = new ColumnInfo[count];
        for (var i = 0; i < count; i++)
        {
            var name = NativeMethods.Utf8(NativeMethods.duckdb_column_name(executed.Pointer, (ulong)i)) ?? $"column{i}";
            var logicalType = NativeMethods.duckdb_column_logical_type(executed.Pointer, (ulong)i);
            try
            {
                columns[i] = ColumnInfo.FromLogicalType(name, logicalType);
            }
            finally
            {
                NativeMethods.duckdb_destroy_logical_type(ref logicalType);
            }
        }
        vectors = new VectorReader[count];
        // The first chunk is fetched now to answer HasRows. The row index sits one before its
        // first row (unsigned wrap-around), so that the first Read() moves to row 0.
        hasRows = FetchChunk();
        row = ulong.MaxValue;
    }

    private bool FetchChunk()
    {
        chunk?.Dispose();
        chunk = null;
        while (true)
        {
            IntPtr next;
            unsafe
            {
                next = NativeMethods.duckdb_fetch_chunk(*result!.Pointer);
            }
            if (next == IntPtr.Zero) return false;
            var handle = new DataChunkHandle(next);
            var size = NativeMethods.duckdb_data_chunk_get_size(next);
            if (size == 0)
            {
                handle.Dispose();
                continue;
            }
            chunk = handle;
            chunkSize = size;
            row = 0;
            for (var i = 0; i < columns.Length; i++)
            {
                vectors[i] = new VectorReader(NativeMethods.duckdb_data_chunk_get_vector(next, (ulong)i), columns[i]);
            }
            return true;
        }
    }

    private void DropResult()
    {
        chunk?.Dispose();
        chunk = null;
        result?.Dispose();
        result = null;
        columns = [];
        vectors = [];
        hasRows = false;
    }
}
