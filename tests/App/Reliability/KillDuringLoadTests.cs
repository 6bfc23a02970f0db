using System.Diagnostics;
using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;
using Warehouse.Synthetic;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A load killed part-way (SIGKILL, no chance to clean up) leaves the warehouse as it was before the
/// file in progress: every file is either wholly loaded and recorded, or absent and still in the
/// inbox; the next load finishes the job and the totals are right.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class KillDuringLoadTests : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_killed_load_leaves_whole_files_only_and_the_next_load_completes()
    {
        var inbox = folder.PathOf("data", "inbox");
        var generated = SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261122,
            OutputFolder = inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2026, 1, 1),
            Months = 8,
            ConsultationsPerPartnership = 160_000,
            Messy = false,
        });
        var expected = generated.Manifest.Partnerships.Single().Counts.Consultations;
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");

        // Kill the loader as soon as it has committed its first file.
        using (var load = WarehouseProgram.Start(folder.Root, Key, "load"))
        {
            var killed = false;
            for (var waited = 0; waited < 120_000 && !load.HasExited; waited += 50)
            {
                if (Directory.Exists(Path.Combine(inbox, "warwickshire", "processed"))
                    && Directory.GetFiles(Path.Combine(inbox, "warwickshire", "processed")).Length > 0)
                {
                    load.Kill();
                    killed = true;
                    break;
                }
                await Task.Delay(50);
            }
            await load.WaitAsync();
            Assert.True(killed, "the load finished before it could be killed; make the data larger");
        }

        using (var warehouse = new DuckDbConnection(warehousePath))
        {
            warehouse.Open();
            // Every file recorded as loaded holds exactly its rows; nothing else is in the warehouse.
            var recorded = warehouse.Scalar<long>("SELECT coalesce(sum(rows_loaded), 0) FROM ops.loaded_files WHERE outcome = 'loaded' AND kind = 'consultations'");
            Assert.Equal(recorded, warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"));
            Assert.Equal(0, warehouse.Scalar<long>(
                "SELECT count(*) FROM fact.consultation c WHERE NOT EXISTS (SELECT 1 FROM ops.loaded_files f WHERE f.file_id = c.file_id AND f.outcome = 'loaded')"));
            Assert.True(recorded < expected, "the kill came after the last file");
        }

        var again = await WarehouseProgram.RunAsync(folder.Root, Key, "load");
        Assert.True(again.ExitCode == 0, again.Error);
        using (var warehouse = new DuckDbConnection(warehousePath))
        {
            warehouse.Open();
            Assert.Equal(expected, warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"));
            Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM ops.rejects"));
        }
    }

    private static readonly IReadOnlyDictionary<string, string> Key = WarehouseProgram.KeyInEnvironment("kill test key, never a real one!");
}
