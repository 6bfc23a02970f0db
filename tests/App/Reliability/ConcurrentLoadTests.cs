using System.Diagnostics;
using System.Text;
using Warehouse.App.Tests.Support;
using Warehouse.Store.DuckDb;
using Warehouse.Synthetic;
using Xunit.Abstractions;

namespace Warehouse.App.Tests.Reliability;

/// <summary>
/// Two <c>warehouse load</c> processes started together on the same inbox and warehouse (two
/// people, or a person and the scheduler). One loads; the other does not touch the inbox, and says
/// in one sentence on standard error that the warehouse is busy, with a failing exit code. Afterwards
/// every generated file was loaded exactly once, the rows match the generator's manifest, nothing
/// is left in the inbox and no row is there twice. When the warehouse does not exist beforehand the
/// two also race to create it.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(ReliabilitySuite.Name)]
public sealed class ConcurrentLoadTests(ITestOutputHelper output) : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> Key = WarehouseProgram.KeyInEnvironment("concurrent test key, never real!");

    private readonly TestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public Task Two_loads_started_together_on_an_existing_warehouse_load_every_file_exactly_once() =>
        TwoLoadsStartedTogetherAsync(warehouseExists: true);

    [Fact]
    public Task Two_loads_started_together_before_the_warehouse_exists_load_every_file_exactly_once() =>
        TwoLoadsStartedTogetherAsync(warehouseExists: false);

    private async Task TwoLoadsStartedTogetherAsync(bool warehouseExists)
    {
        var warehousePath = folder.PathOf("data", "warehouse.duckdb");
        if (warehouseExists)
        {
            // An empty inbox: the load creates and migrates the warehouse, and finds nothing to do.
            var create = await WarehouseProgram.RunAsync(folder.Root, Key, "load");
            Assert.True(create.ExitCode == 0, create.Error);
            Assert.True(File.Exists(warehousePath));
        }
        else
        {
            Assert.False(File.Exists(warehousePath));
        }

        var inbox = folder.PathOf("data", "inbox");
        var generated = SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261123,
            OutputFolder = inbox,
            Partnerships = ["warwickshire", "worcestershire"],
            Start = new DateOnly(2026, 1, 1),
            Months = 6,
            ConsultationsPerPartnership = 20_000,
            Messy = false,
        });
        var sources = generated.Files.Where(f => f.Partnership is not null).ToList();
        var consultations = generated.Manifest.Partnerships.Sum(p => p.Counts.Consultations);

        using var first = WarehouseProgram.Start(folder.Root, Key, "load");
        using var second = WarehouseProgram.Start(folder.Root, Key, "load");
        var runs = await Task.WhenAll(first.WaitAsync(), second.WaitAsync());
        foreach (var run in runs) output.WriteLine($"exit {run.ExitCode} after {run.Elapsed.TotalSeconds:0.0} s; stderr: {run.Error.Trim()}");

        // One loaded; the other (whichever lost the race to open the warehouse) failed at once, clearly.
        var winner = Assert.Single(runs, r => r.ExitCode == 0);
        var loser = Assert.Single(runs, r => r.ExitCode != 0);
        Assert.Equal(1, loser.ExitCode);
        Assert.Contains("Job 'load-inbox' succeeded", winner.Out, StringComparison.Ordinal);
        // Standard error carries the log lines (time-stamped) and one line for the person: a sentence
        // saying the warehouse is busy or in use, by which process, and to try again.
        var message = Assert.Single(Lines(loser.Error), l => l.StartsWith("Job 'load-inbox' failed:", StringComparison.Ordinal));
        Assert.Matches(@"^Job 'load-inbox' failed: The warehouse is (busy: job 'load-inbox' has been running since .+ \(process \d+\)|in use by process \d+ \(.+\))\. Try again when it has finished\.$", message);
        Assert.DoesNotContain(Lines(loser.Error), l => l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("at ", StringComparison.Ordinal));
        Assert.True(loser.Elapsed < winner.Elapsed, "the losing load should fail at once, not after the other finished");

        // Nothing is left in the inbox: every source file was moved to processed/, the manifest
        // (not in a partnership's folder) to unrecognised/.
        Assert.Empty(Directory.EnumerateFiles(inbox));
        foreach (var partnership in sources.Select(f => f.Partnership!).Distinct())
        {
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(inbox, partnership)));
            Assert.Equal(sources.Count(f => f.Partnership == partnership),
                Directory.EnumerateFiles(Path.Combine(inbox, partnership, "processed")).Count());
        }

        using (var warehouse = new DuckDbConnection($"Data Source={warehousePath};access_mode=READ_ONLY"))
        {
            warehouse.Open();
            AssertLoadedExactlyOnce(warehouse, sources, consultations);
            // The loser never opened the warehouse, so recorded no run; the winner recorded one.
            Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM ops.job_runs WHERE job = 'load-inbox' AND outcome = 'succeeded'"));
            Assert.Equal(warehouseExists ? 2 : 1, warehouse.Scalar<long>("SELECT count(*) FROM ops.job_runs WHERE job = 'load-inbox'"));
        }

        // A third load finds nothing to do and changes nothing.
        var again = await WarehouseProgram.RunAsync(folder.Root, Key, "load");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("the inbox is empty", again.Out, StringComparison.Ordinal);
        using (var warehouse = new DuckDbConnection($"Data Source={warehousePath};access_mode=READ_ONLY"))
        {
            warehouse.Open();
            AssertLoadedExactlyOnce(warehouse, sources, consultations);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertLoadedExactlyOnce(DuckDbConnection warehouse, List<GeneratedFile> sources, long consultations)
    {
        foreach (var file in sources)
        {
            var name = Path.GetFileName(file.Path);
            using var command = new DuckDbCommand("SELECT outcome, rows_read, rows_rejected FROM ops.loaded_files WHERE partnership = $1 AND file_name = $2", warehouse);
            command.Parameters.AddValue(file.Partnership);
            command.Parameters.AddValue(name);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read(), $"{file.Partnership}/{name} was never recorded");
            Assert.Equal("loaded", reader.GetString(0));
            if (file.Kind is GeneratedFileKind.Consultations or GeneratedFileKind.AnnexAList) Assert.Equal(file.Rows, reader.GetInt64(1));
            Assert.Equal(0, reader.GetInt64(2));
            Assert.False(reader.Read(), $"{file.Partnership}/{name} was recorded more than once");
        }
        Assert.Equal(sources.Count, warehouse.Scalar<long>("SELECT count(*) FROM ops.loaded_files WHERE partnership <> '(none)'"));
        Assert.Equal(consultations, warehouse.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        Assert.Equal(consultations, warehouse.Scalar<long>("SELECT count(DISTINCT (partnership, consultation_id)) FROM fact.consultation"));
        Assert.Equal(0, warehouse.Scalar<long>("""
            SELECT count(*) FROM (
                SELECT 1 FROM fact.annex_a_event
                GROUP BY partnership, list_number, child_key, event_date, return_id, sheet, source_row HAVING count(*) > 1)
            """));
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM ops.rejects"));
    }
}
