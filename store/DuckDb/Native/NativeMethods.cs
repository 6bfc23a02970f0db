using System.Runtime.InteropServices;

namespace Warehouse.Store.DuckDb.Native;

/// <summary>
/// The part of DuckDB's C API (src/include/duckdb.h) the provider uses. Only non-deprecated
/// functions: results are read chunk by chunk with <c>duckdb_fetch_chunk</c>, never through the
/// deprecated <c>duckdb_value_*</c>, <c>duckdb_row_count</c> or <c>duckdb_column_data</c>.
/// </summary>
/// <remarks>Handles are plain pointers here; ownership lives in the SafeHandle types beside this file.</remarks>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    static NativeMethods() => NativeLibraryResolver.Register();

    // ---- open, connect, configure -------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(IntPtr database, out IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(IntPtr connection);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(IntPtr pointer);

    // ---- statements -----------------------------------------------------------------------------
    [LibraryImport(Library)]
    internal static partial ulong duckdb_extract_statements(IntPtr connection, byte* query, out IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_prepare_error(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_parameter_name(IntPtr prepared, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(IntPtr prepared);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(IntPtr prepared, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int8(IntPtr prepared, ulong index, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int16(IntPtr prepared, ulong index, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int32(IntPtr prepared, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(IntPtr prepared, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint8(IntPtr prepared, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint16(IntPtr prepared, ulong index, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint32(IntPtr prepared, ulong index, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint64(IntPtr prepared, ulong index, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_hugeint(IntPtr prepared, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_float(IntPtr prepared, ulong index, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(IntPtr prepared, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_decimal(IntPtr prepared, ulong index, DuckDbDecimal value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_date(IntPtr prepared, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_time(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp_tz(IntPtr prepared, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_interval(IntPtr prepared, ulong index, DuckDbIntervalNative value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(IntPtr prepared, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_blob(IntPtr prepared, ulong index, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(IntPtr prepared, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_value(IntPtr prepared, ulong index, IntPtr value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(IntPtr prepared, DuckDbResult* result);

    // ---- results ------------------------------------------------------------------------------
    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_result_error(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_name(DuckDbResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_logical_type(DuckDbResult* result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(DuckDbResult* result);

    [LibraryImport(Library)]
    internal static partial DuckDbResultType duckdb_result_return_type(DuckDbResult result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResult result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    // ---- scalar functions written in .NET ---------------------------------------------------------
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_scalar_function();

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_scalar_function(ref IntPtr function);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void duckdb_scalar_function_set_name(IntPtr function, string name);

    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_add_parameter(IntPtr function, IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_set_return_type(IntPtr function, IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_set_extra_info(IntPtr function, IntPtr extraInfo, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_set_function(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> execute);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_register_scalar_function(IntPtr connection, IntPtr function);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_scalar_function_get_extra_info(IntPtr info);

    [LibraryImport(Library)]
    internal static partial void duckdb_scalar_function_set_error(IntPtr info, byte* error);

    // ---- logical types --------------------------------------------------------------------------
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_enum_dictionary_value(IntPtr logicalType, ulong index);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_type_child_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr logicalType);

    // ---- values (for LIST parameters) ---------------------------------------------------------
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int64(long value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int32(int value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_double(double value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_bool([MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_null_value();

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_list_value(IntPtr childType, IntPtr* values, ulong count);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);

    // ---- appender -----------------------------------------------------------------------------
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(IntPtr connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create_ext(IntPtr connection, string? catalog, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_error_data(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_error_data_message(IntPtr errorData);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_error_data(ref IntPtr errorData);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_appender_column_count(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_end_row(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_bool(IntPtr appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int8(IntPtr appender, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int16(IntPtr appender, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int32(IntPtr appender, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_int64(IntPtr appender, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint8(IntPtr appender, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint16(IntPtr appender, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint32(IntPtr appender, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_uint64(IntPtr appender, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_hugeint(IntPtr appender, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_float(IntPtr appender, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_double(IntPtr appender, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_date(IntPtr appender, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_time(IntPtr appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_timestamp(IntPtr appender, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_interval(IntPtr appender, DuckDbIntervalNative value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_varchar_length(IntPtr appender, byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_blob(IntPtr appender, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_null(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_value(IntPtr appender, IntPtr value);

    /// <summary>Reads a UTF-8 C string that DuckDB owns (not freed here).</summary>
    internal static string? Utf8(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>Reads a UTF-8 C string that the caller owns, then frees it with <c>duckdb_free</c>.</summary>
    internal static string? Utf8AndFree(IntPtr text)
    {
        if (text == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(text); }
        finally { duckdb_free(text); }
    }
}
