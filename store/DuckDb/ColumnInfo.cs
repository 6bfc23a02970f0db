using System.Numerics;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>What the reader needs to know about one result column (or a LIST's element).</summary>
internal sealed class ColumnInfo
{
    private ColumnInfo(string name, DuckDbType type)
    {
        Name = name;
        Type = type;
        Storage = type;
    }

    internal string Name { get; }

    /// <summary>The logical type.</summary>
    internal DuckDbType Type { get; }

    /// <summary>The physical type of the vector's values (differs for DECIMAL and ENUM).</summary>
    internal DuckDbType Storage { get; private set; }

    internal byte DecimalScale { get; private set; }

    internal string[]? EnumDictionary { get; private set; }

    internal ColumnInfo? Element { get; private set; }

    internal Type ClrType => Type switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => typeof(BigInteger),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Varchar or DuckDbType.Enum => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date => typeof(DateTime),
        DuckDbType.Time => typeof(TimeSpan),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs or DuckDbType.TimestampTz => typeof(DateTime),
        DuckDbType.Interval => typeof(DuckDbInterval),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.List => Element!.ClrType.MakeArrayType(),
        DuckDbType.SqlNull => typeof(object),
        _ => typeof(object),
    };

    internal string TypeName => Type switch
    {
        DuckDbType.Decimal => $"DECIMAL(scale {DecimalScale})",
        DuckDbType.List => $"{Element!.TypeName}[]",
        DuckDbType.TimestampTz => "TIMESTAMP WITH TIME ZONE",
        _ => Type.ToString().ToUpperInvariant(),
    };

    /// <summary>Reads a logical type into a column description (the handle stays the caller's).</summary>
    internal static ColumnInfo FromLogicalType(string name, IntPtr logicalType)
    {
        var info = new ColumnInfo(name, NativeMethods.duckdb_get_type_id(logicalType));
        switch (info.Type)
        {
            case DuckDbType.Decimal:
                info.DecimalScale = NativeMethods.duckdb_decimal_scale(logicalType);
                info.Storage = NativeMethods.duckdb_decimal_internal_type(logicalType);
                break;
            case DuckDbType.Enum:
                info.Storage = NativeMethods.duckdb_enum_internal_type(logicalType);
                var size = NativeMethods.duckdb_enum_dictionary_size(logicalType);
                var dictionary = new string[size];
                for (uint i = 0; i < size; i++)
                {
                    dictionary[i] = NativeMethods.Utf8AndFree(NativeMethods.duckdb_enum_dictionary_value(logicalType, i)) ?? string.Empty;
                }
                info.EnumDictionary = dictionary;
                break;
            case DuckDbType.List:
                var child = NativeMethods.duckdb_list_type_child_type(logicalType);
                try
                {
                    info.Element = FromLogicalType(name + "[]", child);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref child);
                }
                break;
        }
        return info;
    }
}
