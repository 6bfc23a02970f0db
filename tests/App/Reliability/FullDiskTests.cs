using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A disk that fills up mid-command: the command fails with exit code 1 and one sentence saying so,
/// the warehouse is as it was (it opens, its counts are unchanged), and no output is left
/// half-written. Two ways to fill a disk: a tiny tmpfs (needs root), and a file-size limit on the
/// process (RLIMIT_FSIZE, needs nothing), under which a write past the limit fails like one on a
/// full disk.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class FullDiskTests(LoadedWarehouse loaded) : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [TmpfsFact]
    public async Task A_pack_that_fills_its_output_disk_fails_in_one_sentence_and_every_output_stays_whole()
    {
        loaded.CopyTo(folder);
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        var output = folder.PathOf("out");
        using (Tmpfs.Mount(output, 8 * 1024 * 1024))
        {
            var first = await WarehouseProgram.RunAsync(folder.Root, "pack");
            Assert.True(first.ExitCode == 0, first.Error);
            var published = OutputFiles.All(output);
            var before = Counts(warehousePath);

            // Fill the disk but for 100 KB: each file is replaced by writing the new one beside it
            // first, and a chart's PNG is twice that.
            using (var filler = File.Create(Path.Combine(output, "filler")))
            {
                var block = new byte[4 * 1024];
                while (new DriveInfo(output).AvailableFreeSpace > 100 * 1024)
                {
                    filler.Write(block);
                    filler.Flush();
                }
            }

            var full = await WarehouseProgram.RunAsync(folder.Root, "pack");

            var sentence = WarehouseProgram.AssertFailedWithOneSentence(full);
            Assert.Contains("No space left on device", sentence, StringComparison.Ordinal);
            File.Delete(Path.Combine(output, "filler"));
            // Every output of the first pack is still there, whole (the old one, or its replacement);
            // nothing else is, not even a temporary file.
            Assert.Equal(published, OutputFiles.All(output));
            OutputFiles.AssertAllComplete(output);
            var after = Counts(warehousePath);
            Assert.Equal((before.Consultations, before.Files), (after.Consultations, after.Files));
            Assert.Equal(0, after.UnfinishedRuns);
        }
    }

    [Fact]
    public async Task A_pack_that_cannot_write_its_check_run_fails_in_one_sentence_and_changes_nothing()
    {
        loaded.CopyTo(folder);
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        var before = Counts(warehousePath);

        // A check run's write-ahead log is over a megabyte: the commit cannot be written.
        using (var pack = WarehouseProgram.StartWithFileSizeLimit(folder.Root, 512, "pack"))
        {
            var result = await pack.WaitAsync();

            var sentence = WarehouseProgram.AssertFailedWithOneSentence(result);
            Assert.Contains("File too large", sentence, StringComparison.Ordinal);
        }

        Assert.Equal(before, Counts(warehousePath));
        Assert.Empty(OutputFiles.All(folder.PathOf("out")));
        var check = await WarehouseProgram.RunAsync(folder.Root, "check");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(before.CheckRuns + 1, Counts(warehousePath).CheckRuns);
    }

    [Fact]
    public async Task A_load_that_fills_the_disk_fails_in_one_sentence_loses_nothing_and_the_next_load_completes_it()
    {
        loaded.CopyTo(folder);
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        var waiting = folder.PathOf("data", "inbox", "warwickshire", "consultations-2026-06.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(waiting)!);
        File.Copy(loaded.JuneConsultations, waiting);
        var june = File.ReadLines(waiting).Count() - 1;
        var before = Counts(warehousePath);

        using (var load = WarehouseProgram.StartWithFileSizeLimit(folder.Root, 256, "load"))
        {
            var result = await load.WaitAsync();

            var sentence = WarehouseProgram.AssertFailedWithOneSentence(result);
            Assert.Contains("File too large", sentence, StringComparison.Ordinal);
        }

        // Where the disk filled decides how far the load got: before the file's commit, the file is
        // still waiting and nothing of it is in the warehouse; after it (at the final checkpoint), the
        // file is processed and its rows are in the write-ahead log. Either way nothing is lost and
        // nothing is there twice.
        var after = Counts(warehousePath);
        if (File.Exists(waiting))
        {
            Assert.Equal((before.Consultations, before.Files), (after.Consultations, after.Files));
        }
        else
        {
            Assert.Single(Directory.GetFiles(folder.PathOf("data", "inbox", "warwickshire", "processed"), "consultations-2026-06*"));
            Assert.Equal((before.Consultations + june, before.Files + 1), (after.Consultations, after.Files));
        }

        // With room again, the next load finishes the job: the file loaded once, its levels derived.
        var again = await WarehouseProgram.RunAsync(folder.Root, "load");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.False(File.Exists(waiting));
        using var warehouse = new DuckDbConnection(warehousePath);
        warehouse.Open();
        Assert.Equal(before.Consultations + june, warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM ops.derivation_pending"));
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE actual_source IS NULL AND actual_level_recorded IS NULL"));
    }

    [Fact]
    public async Task An_export_that_fills_the_disk_fails_in_one_sentence_and_leaves_the_previous_export_whole()
    {
        loaded.CopyTo(folder);
        string[] export = ["export", "--table", "fact.consultation", "--format", "csv"];
        var first = await WarehouseProgram.RunAsync(folder.Root, export);
        Assert.True(first.ExitCode == 0, first.Error);
        var path = folder.PathOf("out", "restricted", "fact.consultation.csv");
        var previous = File.ReadAllBytes(path);
        Assert.True(previous.Length > 256 * 1024, "the export is too small to be cut short");

        using (var again = WarehouseProgram.StartWithFileSizeLimit(folder.Root, 64, export))
        {
            var result = await again.WaitAsync();

            var sentence = WarehouseProgram.AssertFailedWithOneSentence(result);
            Assert.Contains("File too large", sentence, StringComparison.Ordinal);
        }

        Assert.Equal(previous, File.ReadAllBytes(path));
        Assert.Equal([Path.Combine("restricted", "fact.consultation.csv")], OutputFiles.All(folder.PathOf("out")));
    }

    private static (long Consultations, long Files, long CheckRuns, long UnfinishedRuns) Counts(string warehousePath)
    {
        using var warehouse = new DuckDbConnection(warehousePath);
        warehouse.Open();
        return (warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"),
            warehouse.Scalar<long>("SELECT count(*) FROM ops.loaded_files"),
            warehouse.Scalar<long>("SELECT count(*) FROM analytics.check_runs"),
            warehouse.Scalar<long>("SELECT count(*) FROM analytics.check_runs WHERE finished_at IS NULL"));
    }
}
