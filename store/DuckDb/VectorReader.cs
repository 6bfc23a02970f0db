using System.Numerics;
using System.Text;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// Reads values straight out of a DuckDB vector: the data buffer and its validity mask
/// (one bit per row; a null mask means every row is valid). Strings are inline up to 12
/// bytes and behind a pointer beyond.
/// </summary>
internal readonly unsafe struct VectorReader(IntPtr vector, ColumnInfo column)
{
    private readonly void* data = NativeMethods.duckdb_vector_get_data(vector);
    private readonly ulong* validity = NativeMethods.duckdb_vector_get_validity(vector);

    internal ColumnInfo Column => column;

    internal bool IsNull(ulong row) => validity != null && (validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    internal bool Boolean(ulong row) => ((byte*)data)[row] != 0;

    internal long Int64(ulong row) => ((long*)data)[row];

    internal double Double(ulong row) => ((double*)data)[row];

    internal string String(ulong row) => StringAt((DuckDbStringT*)data + row);

    internal byte[] Blob(ulong row)
    {
        var entry = (DuckDbStringT*)data + row;
        var length = (int)entry->Length;
        var source = length <= DuckDbStringT.InlineLimit ? entry->Inlined : entry->Pointer;
        return new ReadOnlySpan<byte>(source, length).ToArray();
    }

    internal static string StringAt(DuckDbStringT* entry)
    {
        var length = (int)entry->Length;
        return length <= DuckDbStringT.InlineLimit
            ? Encoding.UTF8.GetString(entry->Inlined, length)
            : Encoding.UTF8.GetString(entry->Pointer, length);
    }

    /// <summary>Reads any supported value, boxed. Callers check <see cref="IsNull"/> first.</summary>
    internal object Value(ulong row) => column.Type switch
    {
        DuckDbType.Boolean => Boolean(row),
        DuckDbType.TinyInt => ((sbyte*)data)[row],
        DuckDbType.SmallInt => ((short*)data)[row],
        DuckDbType.Integer => ((int*)data)[row],
        DuckDbType.BigInt => ((long*)data)[row],
        DuckDbType.UTinyInt => ((byte*)data)[row],
        DuckDbType.USmallInt => ((ushort*)data)[row],
        DuckDbType.UInteger => ((uint*)data)[row],
        DuckDbType.UBigInt => ((ulong*)data)[row],
        DuckDbType.HugeInt => (BigInteger)HugeInt(row),
        DuckDbType.UHugeInt => (BigInteger)(UInt128)HugeInt(row),
        DuckDbType.Float => ((float*)data)[row],
        DuckDbType.Double => ((double*)data)[row],
        DuckDbType.Decimal => Decimal(row),
        DuckDbType.Varchar => String(row),
        DuckDbType.Blob => Blob(row),
        DuckDbType.Enum => column.EnumDictionary![EnumIndex(row)],
        DuckDbType.Date => Temporal.FromDays(((int*)data)[row]).ToDateTime(TimeOnly.MinValue),
        DuckDbType.Time => TimeSpan.FromTicks(((long*)data)[row] * 10),
        DuckDbType.Timestamp => Temporal.FromMicros(((long*)data)[row]),
        DuckDbType.TimestampS => Temporal.FromMicros(((long*)data)[row] * 1_000_000),
        DuckDbType.TimestampMs => Temporal.FromMicros(((long*)data)[row] * 1_000),
        DuckDbType.TimestampNs => new DateTime(DateTime.UnixEpoch.Ticks + ((long*)data)[row] / 100, DateTimeKind.Unspecified),
        DuckDbType.TimestampTz => Temporal.FromMicros(((long*)data)[row], DateTimeKind.Utc),
        DuckDbType.Interval => Interval(row),
        DuckDbType.Uuid => Uuid(row),
        DuckDbType.List => List(row),
        _ => throw new NotSupportedException(
            $"Column '{column.Name}' has DuckDB type {column.Type}, which the provider does not read; cast it in SQL (for example to VARCHAR)."),
    };

    internal DateOnly Date(ulong row) => Temporal.FromDays(((int*)data)[row]);

    private Int128 HugeInt(ulong row)
    {
        var value = ((DuckDbHugeInt*)data)[row];
        return ((Int128)value.Upper << 64) | value.Lower;
    }

    private decimal Decimal(ulong row)
    {
        var scale = column.DecimalScale;
        return column.Storage switch
        {
            DuckDbType.SmallInt => new decimal(((short*)data)[row]) / Pow10(scale),
            DuckDbType.Integer => new decimal(((int*)data)[row]) / Pow10(scale),
            DuckDbType.BigInt => new decimal(((long*)data)[row]) / Pow10(scale),
            _ => (decimal)(BigInteger)HugeInt(row) / Pow10(scale),
        };
    }

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++) result *= 10m;
        return result;
    }

    private int EnumIndex(ulong row) => column.Storage switch
    {
        DuckDbType.UTinyInt => ((byte*)data)[row],
        DuckDbType.USmallInt => ((ushort*)data)[row],
        _ => (int)((uint*)data)[row],
    };

    private DuckDbInterval Interval(ulong row)
    {
        var value = ((DuckDbIntervalNative*)data)[row];
        return new DuckDbInterval(value.Months, value.Days, value.Micros);
    }

    private Guid Uuid(ulong row)
    {
        // DuckDB stores a UUID as a HUGEINT with the top bit flipped, so that it sorts as text does.
        var value = ((DuckDbHugeInt*)data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    private Array List(ulong row)
    {
        var entry = ((DuckDbListEntry*)data)[row];
        var element = column.Element!;
        var child = new VectorReader(NativeMethods.duckdb_list_vector_get_child(vector), element);
        var result = Array.CreateInstance(element.ClrType, checked((int)entry.Length));
        for (ulong i = 0; i < entry.Length; i++)
        {
            var childRow = entry.Offset + i;
            if (child.IsNull(childRow))
            {
                if (element.ClrType.IsValueType)
                {
                    throw new InvalidCastException(
                        $"Column '{column.Name}' holds a NULL element in a list of {element.TypeName}; filter or coalesce the NULLs in SQL.");
                }
                continue;
            }
            result.SetValue(child.Value(childRow), (int)i);
        }
        return result;
    }
}
