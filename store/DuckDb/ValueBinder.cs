using System.Collections;
using System.Numerics;
using System.Text;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>Binds .NET values to prepared-statement parameters with DuckDB's typed bind calls.</summary>
internal static unsafe class ValueBinder
{
    internal static DuckDbState Bind(IntPtr statement, ulong index, object? value)
    {
        switch (value)
        {
            case null:
            case DBNull:
                return NativeMethods.duckdb_bind_null(statement, index);
            case bool b: return NativeMethods.duckdb_bind_boolean(statement, index, b);
            case sbyte v: return NativeMethods.duckdb_bind_int8(statement, index, v);
            case short v: return NativeMethods.duckdb_bind_int16(statement, index, v);
            case int v: return NativeMethods.duckdb_bind_int32(statement, index, v);
            case long v: return NativeMethods.duckdb_bind_int64(statement, index, v);
            case byte v: return NativeMethods.duckdb_bind_uint8(statement, index, v);
            case ushort v: return NativeMethods.duckdb_bind_uint16(statement, index, v);
            case uint v: return NativeMethods.duckdb_bind_uint32(statement, index, v);
            case ulong v: return NativeMethods.duckdb_bind_uint64(statement, index, v);
            case float v: return NativeMethods.duckdb_bind_float(statement, index, v);
            case double v: return NativeMethods.duckdb_bind_double(statement, index, v);
            case decimal v: return NativeMethods.duckdb_bind_decimal(statement, index, ToDecimal(v));
            case Int128 v: return NativeMethods.duckdb_bind_hugeint(statement, index, ToHugeInt(v));
            case BigInteger v: return NativeMethods.duckdb_bind_hugeint(statement, index, ToHugeInt((Int128)v));
            case string s: return BindText(statement, index, s);
            case char c: return BindText(statement, index, c.ToString());
            case Guid g: return BindText(statement, index, g.ToString("D"));
            case byte[] bytes: return BindBlob(statement, index, bytes);
            case ReadOnlyMemory<byte> memory: return BindBlob(statement, index, memory.Span);
            case DateOnly d: return NativeMethods.duckdb_bind_date(statement, index, Temporal.ToDays(d));
            case DateTime dt: return NativeMethods.duckdb_bind_timestamp(statement, index, Temporal.ToMicros(dt));
            case DateTimeOffset dto: return NativeMethods.duckdb_bind_timestamp_tz(statement, index, Temporal.ToMicros(dto.UtcDateTime));
            case TimeOnly t: return NativeMethods.duckdb_bind_time(statement, index, t.Ticks / 10);
            case TimeSpan ts: return NativeMethods.duckdb_bind_interval(statement, index, new DuckDbIntervalNative(0, ts.Days, (ts - TimeSpan.FromDays(ts.Days)).Ticks / 10));
            case DuckDbInterval i: return NativeMethods.duckdb_bind_interval(statement, index, new DuckDbIntervalNative(i.Months, i.Days, i.Micros));
            case Enum e: return NativeMethods.duckdb_bind_int64(statement, index, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture));
            case IEnumerable sequence: return BindList(statement, index, sequence);
            default:
                throw new NotSupportedException($"A parameter of type {value.GetType().Name} cannot be sent to DuckDB; convert it to a string, number, date or array first.");
        }
    }

    private static DuckDbState BindText(IntPtr statement, ulong index, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(text, buffer);
        fixed (byte* pointer = buffer)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, pointer, (ulong)length);
        }
    }

    private static DuckDbState BindBlob(IntPtr statement, ulong index, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
        {
            return NativeMethods.duckdb_bind_blob(statement, index, pointer, (ulong)bytes.Length);
        }
    }

    /// <summary>Binds an array or list of scalars as a DuckDB LIST.</summary>
    private static DuckDbState BindList(IntPtr statement, ulong index, IEnumerable sequence)
    {
        var items = sequence.Cast<object?>().ToArray();
        var elementType = ListElementType(sequence.GetType(), items);
        var values = new IntPtr[items.Length];
        var childType = NativeMethods.duckdb_create_logical_type(elementType);
        var list = IntPtr.Zero;
        try
        {
            for (var i = 0; i < items.Length; i++) values[i] = CreateValue(items[i]);
            fixed (IntPtr* pointer = values)
            {
                list = NativeMethods.duckdb_create_list_value(childType, pointer, (ulong)values.Length);
            }
            if (list == IntPtr.Zero) throw new NotSupportedException("DuckDB could not build a LIST from the parameter's elements; they must all be of one type.");
            return NativeMethods.duckdb_bind_value(statement, index, list);
        }
        finally
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] != IntPtr.Zero) NativeMethods.duckdb_destroy_value(ref values[i]);
            }
            if (list != IntPtr.Zero) NativeMethods.duckdb_destroy_value(ref list);
            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    private static DuckDbType ListElementType(Type sequenceType, object?[] items)
    {
        var element = sequenceType.IsArray ? sequenceType.GetElementType() : sequenceType.GetGenericArguments().FirstOrDefault();
        element = Nullable.GetUnderlyingType(element ?? typeof(object)) ?? element;
        if (element == typeof(object)) element = items.FirstOrDefault(i => i is not null)?.GetType() ?? typeof(string);
        return element switch
        {
            _ when element == typeof(string) => DuckDbType.Varchar,
            _ when element == typeof(int) => DuckDbType.Integer,
            _ when element == typeof(long) => DuckDbType.BigInt,
            _ when element == typeof(double) => DuckDbType.Double,
            _ when element == typeof(bool) => DuckDbType.Boolean,
            _ => throw new NotSupportedException($"A list of {element!.Name} cannot be sent to DuckDB; use string, int, long, double or bool elements."),
        };
    }

    private static IntPtr CreateValue(object? item)
    {
        switch (item)
        {
            case null: return NativeMethods.duckdb_create_null_value();
            case string s:
                var bytes = Encoding.UTF8.GetBytes(s);
                fixed (byte* pointer = bytes)
                {
                    return NativeMethods.duckdb_create_varchar_length(pointer, (ulong)bytes.Length);
                }
            case int i: return NativeMethods.duckdb_create_int32(i);
            case long l: return NativeMethods.duckdb_create_int64(l);
            case double d: return NativeMethods.duckdb_create_double(d);
            case bool b: return NativeMethods.duckdb_create_bool(b);
            default: throw new NotSupportedException($"A list element of type {item.GetType().Name} cannot be sent to DuckDB.");
        }
    }

    internal static DuckDbHugeInt ToHugeInt(Int128 value) => new((ulong)(value & ulong.MaxValue), (long)(value >> 64));

    private static DuckDbDecimal ToDecimal(decimal value)
    {
        // decimal is a 96-bit unscaled integer with a scale of 0..28: exactly a DECIMAL(38, scale).
        var scale = value.Scale;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Int128 unscaled = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        if (value < 0) unscaled = -unscaled;
        return new DuckDbDecimal(38, scale, ToHugeInt(unscaled));
    }
}
