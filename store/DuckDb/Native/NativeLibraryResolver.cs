using System.Reflection;
using System.Runtime.InteropServices;

namespace Warehouse.Store.DuckDb.Native;

/// <summary>
/// Finds libduckdb: <c>DUCKDB_LIBRARY</c> when set, else the copy the build placed beside the
/// binaries, else the system's loader paths. Fails with a message that says what to do.
/// </summary>
internal static class NativeLibraryResolver
{
    internal const string EnvironmentVariable = "DUCKDB_LIBRARY";
    private static int registered;

    internal static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != NativeMethods.Library) return IntPtr.Zero;

        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (NativeLibrary.TryLoad(configured, out var handle)) return handle;
            throw new DllNotFoundException(
                $"{EnvironmentVariable} is set to '{configured}', but no DuckDB library could be loaded from there. " +
                $"Point it at a libduckdb file, or unset it to use the one the build fetched.");
        }

        foreach (var candidate in CandidateFileNames())
        {
            var besideBinaries = Path.Combine(AppContext.BaseDirectory, candidate);
            if (File.Exists(besideBinaries) && NativeLibrary.TryLoad(besideBinaries, out var local)) return local;
        }
        if (NativeLibrary.TryLoad(libraryName, assembly, searchPath, out var system)) return system;

        throw new DllNotFoundException(
            "The DuckDB native library (libduckdb) was not found beside the program. Build the solution with " +
            "'dotnet build' (it fetches the library with npm: install Node.js and npm first), or set " +
            $"{EnvironmentVariable} to the full path of a libduckdb you already have.");
    }

    private static IEnumerable<string> CandidateFileNames()
    {
        if (OperatingSystem.IsWindows()) yield return "duckdb.dll";
        else if (OperatingSystem.IsMacOS()) yield return "libduckdb.dylib";
        else yield return "libduckdb.so";
    }
}
