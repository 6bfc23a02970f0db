using System.Runtime.InteropServices;

namespace Warehouse.Store.DuckDb.Native;

// Every native object the provider creates is owned by one of these, so that a missed Dispose
// is repaired by the finaliser and nothing leaks. Each release calls the matching destroy call.

internal sealed class DatabaseHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_close(ref handle);
        return true;
    }
}

internal sealed class ConnectionHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_disconnect(ref handle);
        return true;
    }
}

internal sealed class PreparedStatementHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_prepare(ref handle);
        return true;
    }
}

internal sealed class ExtractedStatementsHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_extracted(ref handle);
        return true;
    }
}

internal sealed class AppenderHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_appender_destroy(ref handle);
        return true;
    }
}

internal sealed class LogicalTypeHandle : SafeHandle
{
    public LogicalTypeHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal LogicalTypeHandle(IntPtr existing) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(existing);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_logical_type(ref handle);
        return true;
    }
}

internal sealed class DataChunkHandle : SafeHandle
{
    internal DataChunkHandle(IntPtr existing) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(existing);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_data_chunk(ref handle);
        return true;
    }
}

/// <summary>A <c>duckdb_result</c> struct in native memory, destroyed and freed together.</summary>
internal sealed unsafe class ResultHandle : SafeHandle
{
    internal ResultHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
        var memory = NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResult));
        SetHandle((IntPtr)memory);
    }

    internal DuckDbResult* Pointer => (DuckDbResult*)handle;

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result((DuckDbResult*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
