using System.Diagnostics;
using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A check run killed part-way (SIGKILL, no chance to clean up) records nothing: a run is one
/// transaction, so <c>analytics.check_runs</c> and every results table hold whole runs only, and the
/// next check and pack work as if the killed one had never started.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class KillDuringChecksTests(LoadedWarehouse loaded) : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_check_killed_mid_run_leaves_whole_runs_only_and_the_next_check_and_pack_work()
    {
        loaded.CopyTo(folder);
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        var wal = warehousePath + ".wal";

        // Whole runs first: the results a run of this data writes, and how long the command takes
        // (the second run's, once the files are in the page cache).
        TimeSpan runsFor = TimeSpan.Zero;
        for (var warm = 0; warm < 2; warm++)
        {
            var started = Stopwatch.StartNew();
            using var whole = WarehouseProgram.Start(folder.Root, "check");
            Assert.Equal(0, (await whole.WaitAsync()).ExitCode);
            runsFor = started.Elapsed;
        }
        var wholeRuns = Runs(warehousePath);
        Assert.Equal(2, wholeRuns.Count);
        var wholeRun = wholeRuns[0];
        var wholeRows = RowsOf(warehousePath, wholeRun);
        Assert.Equal(wholeRows, RowsOf(warehousePath, wholeRuns[1]));
        Assert.True(wholeRows["measures"] > 0 && wholeRows["agreement_results"] > 0, "the whole run wrote no results");
        Assert.True(runsFor > TimeSpan.FromMilliseconds(300), $"a check run takes {runsFor.TotalMilliseconds:F0} ms: too quick to be killed part-way; make the data larger");
        Assert.False(File.Exists(wal), "the whole run left its write-ahead log");

        // The killed run: SIGKILL two thirds of the way through the command, when the check is at work
        // (the first third is the runtime starting). Whether it had committed is told by its rows, not
        // the write-ahead log (the job's own record is written before the run). A run that ends
        // early on a busy machine is tried again, up to five times, each time a little earlier (never
        // before half of a run).
        var killedOnce = false;
        double[] killAt = [2.0 / 3, 0.6, 0.55, 0.5, 0.5];
        for (var attempt = 0; attempt < killAt.Length && !killedOnce; attempt++)
        {
            var started = Stopwatch.StartNew();
            using var killed = WarehouseProgram.Start(folder.Root, "check");
            await WarehouseProgram.WaitUntilAsync(() => started.Elapsed >= runsFor * killAt[attempt] || killed.HasExited, "part of a run");
            if (killed.HasExited)
            {
                Assert.Equal(0, (await killed.WaitAsync()).ExitCode);
                continue;
            }

            killed.Kill();
            Assert.Equal(128 + 9, (await killed.WaitAsync()).ExitCode);
            killedOnce = true;
        }

        Assert.True(killedOnce, "every check finished before it could be killed");

        // The warehouse opens (the log is replayed, or there is none), and every run in it is whole:
        // the first two, unchanged, and any other only if it had committed all of its rows.
        var runs = Runs(warehousePath);
        Assert.Equal(wholeRuns, runs.Take(2));
        Assert.All(runs, run => Assert.Equal(wholeRows, RowsOf(warehousePath, run)));
        Assert.Equal(0, Scalar(warehousePath, "SELECT count(*) FROM analytics.check_runs WHERE finished_at IS NULL"));
        Assert.Equal(loaded.Consultations, Scalar(warehousePath, "SELECT count(*) FROM fact.consultation"));

        // The next check writes a run just like the whole one; a pack is built from a run of its own.
        var again = await WarehouseProgram.RunAsync(folder.Root, "check");
        Assert.True(again.ExitCode == 0, again.Error);
        var next = Assert.Single(Runs(warehousePath), r => !runs.Contains(r));
        Assert.Equal(wholeRows, RowsOf(warehousePath, next));

        var pack = await WarehouseProgram.RunAsync(folder.Root, "pack");
        Assert.True(pack.ExitCode == 0, pack.Error);
        Assert.Equal(runs.Count + 2, Runs(warehousePath).Count);
        var kinds = OutputFiles.AssertAllComplete(folder.PathOf("out"));
        Assert.Equal(2, kinds[".xlsx"]);
    }

    private static List<string> Runs(string warehousePath) => Query(warehousePath, warehouse =>
    {
        var runs = new List<string>();
        using var command = new DuckDbCommand("SELECT run_id FROM analytics.check_runs ORDER BY started_at", warehouse);
        using var reader = command.ExecuteReader();
        while (reader.Read()) runs.Add(reader.GetString(0));
        return runs;
    });

    /// <summary>
    /// The rows a run has in every analytics table keyed by run, and (under "orphans") the rows of
    /// any run that is not in check_runs, which a half-recorded run would leave.
    /// </summary>
    private static Dictionary<string, long> RowsOf(string warehousePath, string runId) => Query(warehousePath, warehouse =>
    {
        var tables = new List<string>();
        using (var command = new DuckDbCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'analytics' AND column_name = 'run_id' AND table_name <> 'check_runs' ORDER BY 1", warehouse))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var rows = tables.ToDictionary(t => t, t => warehouse.Scalar<long>($"SELECT count(*) FROM analytics.{t} WHERE run_id = $1", runId), StringComparer.Ordinal);
        rows["orphans"] = tables.Sum(t => warehouse.Scalar<long>($"SELECT count(*) FROM analytics.{t} WHERE run_id NOT IN (SELECT run_id FROM analytics.check_runs)"));
        return rows;
    });

    private static long Scalar(string warehousePath, string sql) => Query(warehousePath, w => w.Scalar<long>(sql));

    private static T Query<T>(string warehousePath, Func<DuckDbConnection, T> read)
    {
        using var warehouse = new DuckDbConnection(warehousePath);
        warehouse.Open();
        return read(warehouse);
    }
}
