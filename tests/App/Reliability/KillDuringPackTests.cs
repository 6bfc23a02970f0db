using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// A pack killed while it writes its files (SIGKILL, no chance to clean up) leaves every output
/// either complete or absent, never half-written; the temporary files of the writes it was in the
/// middle of are never taken for outputs, and the next pack removes them.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class KillDuringPackTests(LoadedWarehouse loaded) : IDisposable
{
    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_pack_killed_while_writing_leaves_complete_files_only_and_the_next_pack_cleans_up()
    {
        loaded.CopyTo(folder);
        var output = folder.PathOf("out");
        var month = folder.PathOf("out", "warwickshire", "2026-05");
        var charts = Path.Combine(month, "charts");
        var restricted = folder.PathOf("out", "restricted", "warwickshire", "2026-05");

        // The workbook and the CSVs come first, then the charts (SVG and PNG), briefings and the QA
        // workbook: killed as the charts are written, it leaves every kind of output but the QA workbook.
        using (var pack = WarehouseProgram.Start(folder.Root, "pack"))
        {
            await WarehouseProgram.WaitUntilAsync(
                () => pack.HasExited || (Directory.Exists(charts) && Directory.EnumerateFileSystemEntries(charts).Any()),
                "the pack to start writing its charts");
            Assert.False(pack.HasExited, "the pack finished before it could be killed");
            pack.Kill();
            Assert.Equal(128 + 9, (await pack.WaitAsync()).ExitCode);
        }

        var left = OutputFiles.All(output);
        var kinds = OutputFiles.AssertAllComplete(output);
        Assert.Contains(".xlsx", kinds.Keys);
        Assert.True(kinds.GetValueOrDefault(".csv") >= 20, "the CSVs were not all written before the kill");
        Assert.False(File.Exists(Path.Combine(restricted, "qa-warwickshire-2026-05.xlsx")), "the pack got to its last file before it was killed");
        var killedCsv = left.Where(f => f.EndsWith(".csv", StringComparison.Ordinal) && !OutputFiles.IsTemporary(f))
            .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(output, f)), StringComparer.Ordinal);

        // A writer killed between creating its temporary file and renaming it leaves that file: a
        // hidden dot-file no output is named like. Another crash's leftovers, in both folders, besides.
        var planted = new[]
        {
            Path.Combine(month, ".tidy.csv." + Guid.NewGuid().ToString("N") + ".tmp"),
            Path.Combine(restricted, ".qa-warwickshire-2026-05.xlsx." + Guid.NewGuid().ToString("N") + ".tmp"),
        };
        foreach (var path in planted)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "Measure,Month covered\r\nagree");
        }

        var again = await WarehouseProgram.RunAsync(folder.Root, "pack");

        Assert.True(again.ExitCode == 0, again.Error);
        var written = OutputFiles.All(output);
        Assert.DoesNotContain(written, OutputFiles.IsTemporary);
        // Every file on disk is one the pack says it wrote: "<workbook> and N more files (1 restricted)".
        var more = int.Parse(again.Out.Split(" and ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(more + 1, written.Count);
        OutputFiles.AssertAllComplete(output);
        // The CSVs the killed pack had written were whole: byte for byte what a whole pack writes.
        Assert.All(killedCsv, csv => Assert.True(csv.Value.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, csv.Key))), $"{csv.Key} differs from a whole pack's"));
    }
}
