using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// A VARCHAR → VARCHAR scalar function computed in .NET and called by DuckDB's own worker
/// threads, a vector at a time, inside any query (so it runs on every core the query uses).
/// A NULL value gives NULL without a call. Register one with <see cref="Register"/>.
/// </summary>
/// <remarks>
/// <see cref="Map"/> runs on several threads at once and must be thread-safe. An exception it
/// throws fails the query with the exception's message. When the function is
/// <see cref="IDisposable"/>, DuckDB disposes it when it drops the function (as the database
/// closes).
/// </remarks>
public abstract class Utf8Function
{
    private const int KeptBufferBytes = 1 << 20;

    private static int registrations;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    /// <summary>Writes the function's value of <paramref name="input"/> (UTF-8) to <paramref name="output"/> (UTF-8).</summary>
    public abstract void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output);

    /// <summary>
    /// Registers <paramref name="function"/> with the database <paramref name="connection"/> is
    /// open on, under a new name that starts with <paramref name="prefix"/>, and returns the name.
    /// DuckDB keeps scalar functions in the database's system catalog, where a name can be taken
    /// only once, so every registration gets its own.
    /// </summary>
    public static unsafe string Register(DuckDbConnection connection, string prefix, Utf8Function function)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(function);
        var name = $"{prefix}_{Interlocked.Increment(ref registrations)}";
        var native = NativeMethods.duckdb_create_scalar_function();
        var varchar = NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar);
        var state = GCHandle.Alloc(function);
        var handedOver = false;
        try
        {
            NativeMethods.duckdb_scalar_function_set_name(native, name);
            NativeMethods.duckdb_scalar_function_add_parameter(native, varchar);
            NativeMethods.duckdb_scalar_function_set_return_type(native, varchar);
            NativeMethods.duckdb_scalar_function_set_function(native, &Execute);
            // From here DuckDB owns the handle: it calls Release when the function is dropped.
            NativeMethods.duckdb_scalar_function_set_extra_info(native, GCHandle.ToIntPtr(state), &Release);
            handedOver = true;
            if (NativeMethods.duckdb_register_scalar_function(connection.Handle.DangerousGetHandle(), native) != DuckDbState.Success)
                throw new DuckDbException($"DuckDB refused to register the function '{name}'.");
        }
        finally
        {
            if (!handedOver) state.Free();
            // The registered copy shares the extra information; destroying this one releases nothing it needs.
            NativeMethods.duckdb_destroy_scalar_function(ref native);
            NativeMethods.duckdb_destroy_logical_type(ref varchar);
        }
        return name;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void Execute(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var function = (Utf8Function)GCHandle.FromIntPtr(NativeMethods.duckdb_scalar_function_get_extra_info(info)).Target!;
            var rows = NativeMethods.duckdb_data_chunk_get_size(input);
            var vector = NativeMethods.duckdb_data_chunk_get_vector(input, 0);
            // DuckDB flattens the input before the call: one duckdb_string_t per row.
            var values = (DuckDbStringT*)NativeMethods.duckdb_vector_get_data(vector);
            var validity = NativeMethods.duckdb_vector_get_validity(vector);
            ulong* outputValidity = null;
            var written = buffer ??= new ArrayBufferWriter<byte>(256);
            for (ulong row = 0; row < rows; row++)
            {
                if (validity is not null && (validity[row >> 6] & (1UL << (int)(row & 63))) == 0)
                {
                    if (outputValidity is null)
                    {
                        NativeMethods.duckdb_vector_ensure_validity_writable(output);
                        outputValidity = NativeMethods.duckdb_vector_get_validity(output);
                    }
                    outputValidity[row >> 6] &= ~(1UL << (int)(row & 63));
                    continue;
                }
                var entry = values + row;
                var length = (int)entry->Length;
                var text = new ReadOnlySpan<byte>(length <= DuckDbStringT.InlineLimit ? entry->Inlined : entry->Pointer, length);
                written.ResetWrittenCount();
                function.Map(text, written);
                fixed (byte* bytes = written.WrittenSpan)
                {
                    byte none = 0;
                    NativeMethods.duckdb_vector_assign_string_element_len(output, row, written.WrittenCount == 0 ? &none : bytes, (ulong)written.WrittenCount);
                }
            }
            // A huge value (a 50 MB field) is not kept alive by the thread afterwards.
            if (written.Capacity > KeptBufferBytes) buffer = null;
        }
#pragma warning disable CA1031 // Nothing may cross back into native code: the query fails with the message instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var message = Encoding.UTF8.GetBytes(e.Message + "\0");
            fixed (byte* text = message) NativeMethods.duckdb_scalar_function_set_error(info, text);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Release(IntPtr state)
    {
        var handle = GCHandle.FromIntPtr(state);
        try
        {
            (handle.Target as IDisposable)?.Dispose();
        }
#pragma warning disable CA1031 // An exception may not unwind into DuckDB's destructor.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        handle.Free();
    }
}
