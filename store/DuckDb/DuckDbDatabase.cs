using System.Runtime.InteropServices;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Store.DuckDb;

/// <summary>
/// One open DuckDB database instance, shared by every connection to the same file in this
/// process and closed when the last of them closes (reference-counted). DuckDB locks its file
/// exclusively, so a second instance on one file would fail; sharing is what makes several
/// connections (one per thread) possible.
/// </summary>
internal sealed class DuckDbDatabase
{
    private static readonly Dictionary<string, DuckDbDatabase> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private readonly string key;
    private int references;

    private DuckDbDatabase(string key, DatabaseHandle handle, string options)
    {
        this.key = key;
        Handle = handle;
        Options = options;
    }

    internal DatabaseHandle Handle { get; }

    /// <summary>The configuration the instance was opened with, in canonical form.</summary>
    internal string Options { get; }

    /// <summary>Whether this process holds the database open (for leak tests).</summary>
    internal static bool IsOpen(string dataSource)
    {
        lock (Gate) return Open.ContainsKey(NormaliseKey(dataSource));
    }

    internal static DuckDbDatabase Acquire(string dataSource, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        var canonicalOptions = string.Join(';', options.Select(o => $"{o.Key}={o.Value}"));
        // ":memory:" alone is private to its connection; ":memory:name" is shared by name.
        var isPrivateMemory = dataSource.Length == 0 || dataSource == ":memory:";
        var key = isPrivateMemory ? $":memory:#{Guid.NewGuid():N}" : NormaliseKey(dataSource);

        lock (Gate)
        {
            if (Open.TryGetValue(key, out var existing))
            {
                if (existing.Options != canonicalOptions)
                {
                    throw new DuckDbException(
                        $"The database '{dataSource}' is already open in this process with other settings " +
                        $"('{existing.Options}'); close those connections before opening it with '{canonicalOptions}'.");
                }
                existing.references++;
                return existing;
            }

            var path = isPrivateMemory || dataSource.StartsWith(":memory:", StringComparison.Ordinal) ? null : dataSource;
            var database = new DuckDbDatabase(key, OpenNative(path, dataSource, options), canonicalOptions) { references = 1 };
            Open.Add(key, database);
            return database;
        }
    }

    internal void Release()
    {
        lock (Gate)
        {
            if (--references > 0) return;
            Open.Remove(key);
        }
        Handle.Dispose();
    }

    private static string NormaliseKey(string dataSource) =>
        dataSource.StartsWith(":memory:", StringComparison.Ordinal) ? dataSource : Path.GetFullPath(dataSource);

    private static DatabaseHandle OpenNative(string? path, string dataSource, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        IntPtr config = IntPtr.Zero;
        try
        {
            if (NativeMethods.duckdb_create_config(out config) != DuckDbState.Success)
                throw new DuckDbException("DuckDB could not create a configuration object.");
            foreach (var (name, value) in options)
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                    throw new DuckDbException($"DuckDB does not accept the setting {name}='{value}' (connection string of '{dataSource}').");
            }

            var handle = new DatabaseHandle();
            var state = NativeMethods.duckdb_open_ext(path, out var database, config, out var error);
            var message = NativeMethods.Utf8AndFree(error);
            if (state != DuckDbState.Success)
            {
                throw new DuckDbException(message ?? $"DuckDB could not open '{dataSource}'.");
            }
            Marshal.InitHandle(handle, database);
            return handle;
        }
        finally
        {
            if (config != IntPtr.Zero) NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
