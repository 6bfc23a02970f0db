using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// No raw child id, person's name or key reaches the warehouse or anything the commands leave behind:
/// files (the warehouse, its log, every output, unzipped), printed output and log lines.
/// </summary>
[Trait("Category", "Security")]
[Collection(SecurityRunDefinition.Name)]
public sealed class IdentifierScanTests(SecurityRun run)
{
    [Fact]
    public void The_scan_finds_the_planted_ids_and_names_in_the_raw_inputs_so_it_can_fail()
    {
        var rawInputs = Directory.GetFiles(run.Cli.Settings.Inbox, "*", SearchOption.AllDirectories);

        var found = IdentifierScanner.FilesContaining(rawInputs, run.Needles);

        // Our own file, as it was loaded: its ids, and the name in the column the loader dropped.
        Assert.Contains(found, f => f.Contains("planted.csv", StringComparison.Ordinal) && f.Contains($"'{SecurityRun.PlantedIdPrefix}'", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("planted.csv", StringComparison.Ordinal) && f.Contains(SecurityRun.PlantedName, StringComparison.Ordinal));
        // A worker's name is deflated inside an Annex A workbook: only an unzipped part shows it.
        Assert.Contains(found, f => f.Contains(".xlsx!xl/", StringComparison.Ordinal) && run.WorkerSurnames.Any(s => f.Contains($"'{s}'", StringComparison.Ordinal)));
        Assert.DoesNotContain(found, f => f.Contains(".xlsx holds", StringComparison.Ordinal) && run.WorkerSurnames.Any(s => f.Contains($"'{s}'", StringComparison.Ordinal)));
        Assert.Contains(found, f => f.Contains("'SYN-WOR-'", StringComparison.Ordinal));
        // Values inside a Parquet export (dictionary-encoded, compressed) are read back, not just its bytes.
        var parquet = Path.Combine(run.Cli.Settings.RestrictedOutputFolder, "fact.consultation.parquet");
        Assert.NotEmpty(IdentifierScanner.FilesContaining([parquet], ["SEC-0002"]));
        // Text written as UTF-16 (as some Windows tools do) is found too.
        Assert.NotEmpty(IdentifierScanner.Find("utf-16", Encoding.Unicode.GetBytes("id: " + SecurityRun.SubjectId), run.Needles));
    }

    [Fact]
    public void No_raw_id_name_or_key_is_in_any_file_outside_the_inbox()
    {
        var files = run.OutputFiles;
        // The scan covers every kind of file the journey writes; a missing kind would make it pass for nothing.
        var kinds = files.Select(f => Path.GetExtension(f).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { ".duckdb", ".log", ".xlsx", ".csv", ".parquet", ".svg", ".png", ".html" }, kinds);
        Assert.Contains(files, f => f.Contains(Path.Combine("restricted", "warwickshire", "audit"), StringComparison.Ordinal));

        var found = IdentifierScanner.FilesContaining(files, run.Needles);
        Assert.True(found.Count == 0, "Found outside the inbox:\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_raw_id_name_or_key_is_in_what_any_command_printed_or_logged()
    {
        // The subject lookup found the child it was given on standard input (so its output is worth scanning).
        Assert.Contains(run.Cli.Runs, r => r.Command == "subject" && r.Result.Out.Contains("fact.consultation: 1 rows", StringComparison.Ordinal));
        var printed = run.Cli.Runs.Select(r => ($"'{r.Command}' printed", Encoding.UTF8.GetBytes(r.Result.Out + "\n" + r.Result.Error)));
        var logged = run.Cli.Log.Lines.Select((line, i) => ($"log line {i + 1}", Encoding.UTF8.GetBytes(line)));
        Assert.NotEmpty(run.Cli.Log.Lines);

        Assert.Empty(printed.Concat(logged).SelectMany(p => IdentifierScanner.Find(p.Item1, p.Item2, run.Needles)));
    }

    [Fact]
    public void No_raw_id_or_name_is_in_any_text_column_after_the_whole_journey()
    {
        // DuckDB compresses strings in its file, so the bytes alone could hide one: ask every column.
        using var warehouse = new DuckDbConnection($"Data Source={run.Cli.Settings.Warehouse};access_mode=READ_ONLY");
        warehouse.Open();
        Assert.True(warehouse.Scalar<long>("SELECT count(*) FROM ops.rejects WHERE file_name = 'planted.csv'") >= 3, "The planted rejects did not reach ops.rejects.");
        // The probe finds what is there (a consultation id is kept as it came), whatever its case.
        Assert.NotEmpty(IdentifierScanner.TextColumnsContaining(warehouse, ["sec-0002"]));

        Assert.Empty(IdentifierScanner.TextColumnsContaining(warehouse, run.Needles));
    }
}
