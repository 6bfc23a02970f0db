using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// While another process holds the warehouse file, the commands that change it – load, check, pack,
/// purge – stop at once with exit code 1 and one sentence naming the holder, change nothing and
/// lose nothing (the file to load stays in the inbox), and work as soon as the lock is released.
/// (sql, export, jobs run and status while a job holds it: Locking/BusyWarehouseTests.)
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class LockedWarehouseTests(LoadedWarehouse loaded) : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Load_check_pack_and_purge_refuse_a_locked_warehouse_in_one_sentence_and_work_once_it_is_released()
    {
        loaded.CopyTo(folder);
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        var waiting = folder.PathOf("data", "inbox", "warwickshire", "consultations-2026-06.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(waiting)!);
        File.Copy(loaded.JuneConsultations, waiting);
        var before = Counts(warehousePath);

        using (var holder = new LockHolder(warehousePath))
        {
            var busy = $"The warehouse is in use by process {holder.ProcessId} (a query, an export or a command that is not a job). Try again when it has finished.";
            foreach (var command in new[] { "load", "check", "pack", "purge" })
            {
                var result = await WarehouseProgram.RunAsync(folder.Root, command);

                var sentence = WarehouseProgram.AssertFailedWithOneSentence(result);
                Assert.EndsWith(busy, sentence, StringComparison.Ordinal);
                Assert.True(File.Exists(waiting), $"'{command}' moved the file waiting in the inbox");
            }
        }

        Assert.Equal(before, Counts(warehousePath));
        Assert.False(Directory.Exists(folder.PathOf("out")), "a refused pack wrote outputs");

        foreach (var command in new[] { "load", "check", "pack", "purge" })
        {
            var result = await WarehouseProgram.RunAsync(folder.Root, command);
            Assert.True(result.ExitCode == 0, $"'{command}' after the lock was released: {result.Error}");
        }
        Assert.False(File.Exists(waiting));
        Assert.True(File.Exists(folder.PathOf("data", "inbox", "warwickshire", "processed", "consultations-2026-06.csv")));
        var after = Counts(warehousePath);
        Assert.True(after.Consultations > before.Consultations, "June's consultations were not loaded");
        Assert.Equal(before.CheckRuns + 2, after.CheckRuns);
        Assert.True(File.Exists(folder.PathOf("out", "warwickshire", "2026-06", "pack-warwickshire-2026-06.xlsx")));
        var sql = await WarehouseProgram.RunAsync(folder.Root, "sql", "SELECT count(*) AS n FROM fact.consultation", "--format", "csv");
        Assert.Equal($"n\r\n{after.Consultations}\r\n", sql.Out);
    }

    private static (long Consultations, long Files, long CheckRuns, long JobRuns) Counts(string warehousePath)
    {
        using var warehouse = new DuckDbConnection(warehousePath);
        warehouse.Open();
        return (warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"),
            warehouse.Scalar<long>("SELECT count(*) FROM ops.loaded_files"),
            warehouse.Scalar<long>("SELECT count(*) FROM analytics.check_runs"),
            warehouse.Scalar<long>("SELECT count(*) FROM ops.job_runs"));
    }
}
