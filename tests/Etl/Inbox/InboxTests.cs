using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Inbox;

public sealed class InboxTests : IDisposable
{
    private readonly LoadHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void A_symbolic_link_escaping_the_inbox_is_refused_and_never_followed()
    {
        var outside = Path.Combine(harness.Folder, "outside.csv");
        File.WriteAllText(outside, new ConsultationCsv().Add("SECRET").Build());
        Directory.CreateDirectory(Path.Combine(harness.Inbox, "warwickshire"));
        var link = Path.Combine(harness.Inbox, "warwickshire", "escape.csv");
        File.CreateSymbolicLink(link, "../../outside.csv");

        var report = harness.Load();

        Assert.Empty(report.Files);
        Assert.Contains(report.Refused, r => r.Contains("symbolic link", StringComparison.Ordinal));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        Assert.True(File.Exists(outside));
        Assert.NotNull(new FileInfo(Path.Combine(harness.Inbox, "warwickshire", "rejected", "escape.csv")).LinkTarget);
    }

    [Fact]
    public void A_folder_inside_a_partnership_folder_is_refused_and_left_alone()
    {
        var nested = Path.Combine(harness.Inbox, "warwickshire", "nested");
        Directory.CreateDirectory(nested);
        File.WriteAllText(Path.Combine(nested, "hidden.csv"), new ConsultationCsv().Add("X").Build());

        var report = harness.Load();

        Assert.Contains(report.Refused, r => r.Contains("is a folder", StringComparison.Ordinal));
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }

    [Fact]
    public void A_file_of_unknown_kind_goes_to_unrecognised_with_its_reason()
    {
        harness.Drop("warwickshire", "notes.csv", "name,colour\r\nsky,blue\r\n");

        var file = Assert.Single(harness.Load().Files);

        Assert.Equal(FileOutcome.Unrecognised, file.Outcome);
        Assert.Contains("matches no kind", file.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(harness.Inbox, "warwickshire", "unrecognised", "notes.csv")));
        Assert.Equal("unrecognised", harness.Scalar<string>("SELECT outcome FROM ops.loaded_files"));
    }

    [Fact]
    public void A_file_for_an_unknown_partnership_is_unrecognised()
    {
        harness.Drop("atlantis", "a.csv", new ConsultationCsv().Add("A").Build());
        var file = Assert.Single(harness.Load().Files);
        Assert.Equal(FileOutcome.Unrecognised, file.Outcome);
        Assert.Contains("'atlantis' is not a partnership", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_no_workbook_and_a_truncated_workbook_are_rejected_with_reasons()
    {
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(harness.Folder, "plain.zip"), System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }
        harness.DropFile("warwickshire", Path.Combine(harness.Folder, "plain.zip"), "plain.xlsx");
        var bytes = File.ReadAllBytes(SharedFolder.Path("fixtures", "annex-a", "liia-tools-sample-annex-a.xlsx"));
        File.WriteAllBytes(Path.Combine(harness.Folder, "cut.xlsx"), bytes[..(bytes.Length / 2)]);
        harness.DropFile("warwickshire", Path.Combine(harness.Folder, "cut.xlsx"));

        var files = harness.Load().Files;

        Assert.All(files, f => Assert.NotEqual(FileOutcome.Loaded, f.Outcome));
        Assert.All(files, f => Assert.False(string.IsNullOrWhiteSpace(f.Reason)));
        Assert.Contains(files, f => f.FileName == "plain.xlsx" && f.Reason!.Contains("workbook", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_in_processed_are_deleted_after_their_retention_period()
    {
        harness.Drop("warwickshire", "old.csv", new ConsultationCsv().Add("O").Build());
        harness.Load();
        var processed = Path.Combine(harness.Inbox, "warwickshire", "processed", "old.csv");
        Assert.True(File.Exists(processed));

        harness.Clock.Now = harness.Clock.Now.AddDays(31);
        var report = harness.Load();

        Assert.Equal(1, report.ProcessedFilesPurged);
        Assert.False(File.Exists(processed));
        Assert.Equal(1, harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
    }
}
