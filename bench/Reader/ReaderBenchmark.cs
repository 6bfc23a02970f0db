using System.Diagnostics;
using Warehouse.Store.DuckDb;
using Warehouse.Store.DuckDb.Native;

namespace Warehouse.Bench.Reader;

/// <summary>
/// Reading a result of N rows (BIGINT, DOUBLE, VARCHAR) through <see cref="DuckDbDataReader"/> into
/// .NET values, against DuckDB producing and handing over the same result through its C API
/// (every chunk fetched, no value converted), in the same run. Best of several repeats each.
/// </summary>
internal static class ReaderBenchmark
{
    private const string Query = "SELECT i, i * 0.5 AS d, 'customer-' || i AS s FROM range($1) t(i)";

    internal static Measurement Run(long rows, int repeats)
    {
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        connection.Execute("SET threads = 2");

        var baseline = TimeSpan.MaxValue;
        var reader = TimeSpan.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            baseline = Min(baseline, Time(() => Baseline(connection, rows)));
            reader = Min(reader, Time(() => ReadAll(connection, rows)));
        }
        return new Measurement("DuckDB reader (BIGINT, DOUBLE, VARCHAR)", rows, baseline, reader, Process.GetCurrentProcess().PeakWorkingSet64,
            "baseline: DuckDB producing the result and handing over every chunk through its C API, no value converted");
    }

    /// <summary>DuckDB alone: execute and fetch every chunk, touching nothing.</summary>
    private static unsafe long Baseline(DuckDbConnection connection, long rows)
    {
        using var command = new DuckDbCommand(Query, connection);
        command.Parameters.AddValue(rows);
        // Prepared and executed through the provider; fetched with the raw C API.
        using var result = command.ExecuteStatement(0);
        long fetched = 0;
        while (true)
        {
            var chunk = NativeMethods.duckdb_fetch_chunk(*result.Pointer);
            if (chunk == IntPtr.Zero) break;
            fetched += (long)NativeMethods.duckdb_data_chunk_get_size(chunk);
            NativeMethods.duckdb_destroy_data_chunk(ref chunk);
        }
        return fetched == rows ? fetched : throw new InvalidOperationException($"Baseline fetched {fetched} rows, expected {rows}.");
    }

    private static long ReadAll(DuckDbConnection connection, long rows)
    {
        using var command = new DuckDbCommand(Query, connection);
        command.Parameters.AddValue(rows);
        using var reader = command.ExecuteReader();
        long count = 0, checksum = 0;
        while (reader.Read())
        {
            checksum += reader.GetInt64(0) + (long)reader.GetDouble(1) + reader.GetString(2).Length;
            count++;
        }
        return count == rows ? checksum : throw new InvalidOperationException($"Reader read {count} rows, expected {rows}.");
    }

    private static TimeSpan Time(Func<long> work)
    {
        GC.Collect();
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
