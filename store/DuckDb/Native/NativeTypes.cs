using System.Runtime.InteropServices;

namespace Warehouse.Store.DuckDb.Native;

internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

internal enum DuckDbResultType
{
    Invalid = 0,
    ChangedRows = 1,
    Nothing = 2,
    QueryResult = 3,
}

/// <summary>The DUCKDB_TYPE enumeration of duckdb.h (explicit values, as the header gives them).</summary>
internal enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
}

/// <summary><c>duckdb_result</c>: six pointer-sized fields, passed by value to some calls.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResult
{
    private readonly IntPtr deprecatedColumnCount;
    private readonly IntPtr deprecatedRowCount;
    private readonly IntPtr deprecatedRowsChanged;
    private readonly IntPtr deprecatedColumns;
    private readonly IntPtr deprecatedErrorMessage;
    private readonly IntPtr internalData;
}

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DuckDbHugeInt(ulong Lower, long Upper);

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DuckDbDecimal(byte Width, byte Scale, DuckDbHugeInt Value);

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DuckDbIntervalNative(int Months, int Days, long Micros);

/// <summary>The 16-byte <c>duckdb_string_t</c>: inline up to 12 bytes, else a prefix and a pointer.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct DuckDbStringT
{
    [FieldOffset(0)] public uint Length;
    [FieldOffset(4)] public fixed byte Inlined[12];
    [FieldOffset(8)] public byte* Pointer;

    public const int InlineLimit = 12;
}

[StructLayout(LayoutKind.Sequential)]
internal readonly record struct DuckDbListEntry(ulong Offset, ulong Length);
