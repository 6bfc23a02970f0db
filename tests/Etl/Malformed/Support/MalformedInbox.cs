using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed.Support;

/// <summary>
/// A load harness for bad files: drops bytes as they are (any encoding, any line ending), loads
/// with a deadline and a memory budget, and reads back what became of each file and row.
/// </summary>
public sealed class MalformedInbox : IDisposable
{
    public const string Partnership = "warwickshire";

    private readonly ITestOutputHelper? output;

    public MalformedInbox(ITestOutputHelper? output = null)
    {
        this.output = output;
        Harness = new LoadHarness();
    }

    public LoadHarness Harness { get; }

    public string Folder => Path.Combine(Harness.Inbox, Partnership);

    public string Scratch => Harness.Folder;

    public ResourceUse? LastUse { get; private set; }

    /// <summary>Drops bytes exactly as given.</summary>
    public string DropBytes(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Drops text in UTF-8 without a BOM.</summary>
    public string Drop(string name, string text) => DropBytes(name, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Drops a file built elsewhere (a workbook saved in the scratch folder).</summary>
    public string DropFile(string name, string source)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        File.Move(source, path);
        return path;
    }

    /// <summary>A good consultations file beside the bad one: the rest of the inbox must still load.</summary>
    public void DropGoodNeighbour() =>
        Drop("zz-good-neighbour.csv", new ConsultationCsv().Add("GOOD-1").Add("GOOD-2").Build());

    /// <summary>Loads the inbox within a deadline and a memory budget; fails the test otherwise.</summary>
    public LoadReport Load(TimeSpan? deadline = null, long maxPeakGrowthBytes = 512L << 20)
    {
        var (report, use) = ResourceProbe.Measure(() => Harness.Load(), deadline ?? TimeSpan.FromSeconds(60));
        LastUse = use;
        output?.WriteLine($"load: {use}");
        Assert.True(use.PeakGrowthBytes <= maxPeakGrowthBytes,
            $"loading took {use}: more memory than the {maxPeakGrowthBytes / (1024 * 1024):N0} MiB budget");
        return report;
    }

    /// <summary>The one result for a file name.</summary>
    public static FileLoadResult Result(LoadReport report, string name) => Assert.Single(report.Files, f => f.FileName == name);

    /// <summary>
    /// The file went where its outcome says, nothing of it is left in the inbox, its outcome and
    /// reason are in the load history, and the reason says what <paramref name="reasonParts"/> say.
    /// </summary>
    public FileLoadResult AssertOutcome(LoadReport report, string name, FileOutcome outcome, params string[] reasonParts)
    {
        var file = Result(report, name);
        Assert.True(outcome == file.Outcome, $"'{name}' was {file.Outcome}, not {outcome}: {file.Reason}");
        var folder = outcome switch
        {
            FileOutcome.Loaded or FileOutcome.Duplicate => "processed",
            FileOutcome.Rejected => "rejected",
            _ => "unrecognised",
        };
        Assert.True(File.Exists(Path.Combine(Folder, folder, name)), $"'{name}' is not in {folder}/");
        Assert.False(File.Exists(Path.Combine(Folder, name)), $"'{name}' was left in the inbox");
        foreach (var part in reasonParts)
        {
            Assert.True(file.Reason?.Contains(part, StringComparison.Ordinal) == true, $"the reason for '{name}' does not say '{part}': {file.Reason}");
        }
        var recorded = Harness.Rows("SELECT outcome, reason FROM ops.loaded_files WHERE file_name = $1 ORDER BY loaded_at DESC LIMIT 1", name);
        Assert.Equal(Lineage(outcome), Assert.Single(recorded)[0]);
        Assert.Equal(file.Reason, recorded[0][1]);
        return file;
    }

    /// <summary>The good neighbour loaded whatever its bad neighbour did.</summary>
    public void AssertNeighbourLoaded(LoadReport report)
    {
        AssertOutcome(report, "zz-good-neighbour.csv", FileOutcome.Loaded);
        Assert.Equal(2, Harness.Scalar<long>("SELECT count(*) FROM fact.consultation WHERE consultation_id LIKE 'GOOD-%'"));
    }

    /// <summary>The rejects of a file: sheet, row, column, value, reason, by row.</summary>
    public List<Reject> Rejects(string name) =>
        [.. Harness.Rows("SELECT sheet, row_number, column_name, value, reason FROM ops.rejects WHERE file_name = $1 ORDER BY sheet, row_number, column_name", name)
            .Select(r => new Reject((string?)r[0], (long?)r[1], (string?)r[2], (string?)r[3], (string)r[4]!))];

    /// <summary>The rows of a consultations file that reached the warehouse, by their row numbers.</summary>
    public List<long> LoadedConsultationRows(string fileName) =>
        [.. Harness.Rows("""
            SELECT c.source_row FROM fact.consultation c JOIN ops.loaded_files f USING (file_id)
            WHERE f.file_name = $1 ORDER BY 1
            """, fileName).Select(r => (long)r[0]!)];

    public void Dispose() => Harness.Dispose();

    private static string Lineage(FileOutcome outcome) => outcome switch
    {
        FileOutcome.Loaded => "loaded",
        FileOutcome.Rejected => "rejected",
        FileOutcome.Unrecognised => "unrecognised",
        _ => "duplicate",
    };
}

/// <summary>One row of ops.rejects.</summary>
public sealed record Reject(string? Sheet, long? Row, string? Column, string? Value, string Reason);
