using System.IO.Compression;
using System.Text;
using Warehouse.App.Cli;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// <c>warehouse load</c> against an inbox that tries to make it read elsewhere or too much: links out
/// of the inbox (files, folders, a whole partnership folder), a name shaped like a path, a file over
/// the size limit and a zip bomb. Each is refused with a message naming it, nothing outside the inbox
/// is read or moved, and nothing is lost: the refused entry is kept in <c>rejected/</c>. The loader's
/// own tests (tests/Etl/Inbox) cover the scan; these cover what the command says and does.
/// </summary>
[Trait("Category", "Security")]
public sealed class InboxEscapeTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly RecordingCli cli;

    public InboxEscapeTests() => cli = new RecordingCli(folder, new FakeClock(TestData.Utc(2026, 6, 20, 9)));

    public void Dispose() => folder.Dispose();

    private string Partnership => Path.Combine(cli.Settings.Inbox, "warwickshire");

    private string Rejected => Path.Combine(Partnership, "rejected");

    [Fact]
    public async Task A_link_to_a_file_outside_the_inbox_is_refused_by_name_and_its_target_is_not_read_or_moved()
    {
        var outside = SmallInbox.Write(folder.Root, "outside.csv", SmallInbox.Consultations("OUTSIDE-1"));
        SmallInbox.Write(Partnership, "real.csv", SmallInbox.Consultations("INSIDE-1"));
        File.CreateSymbolicLink(Path.Combine(Partnership, "escape.csv"), Path.Combine("..", "..", "..", "outside.csv"));

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode); // the other files still load
        Assert.Contains("1 loaded", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 inbox entries refused", result.Out, StringComparison.Ordinal);
        AssertRefusal("'escape.csv' is a symbolic link", "never followed");
        Assert.Equal(1, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
        Assert.Equal(SmallInbox.Consultations("OUTSIDE-1"), File.ReadAllText(outside));
        Assert.NotNull(new FileInfo(Path.Combine(Rejected, "escape.csv")).LinkTarget);
    }

    [Fact]
    public async Task A_linked_folder_in_a_partnership_folder_is_refused_and_nothing_under_it_is_loaded_or_moved()
    {
        var secret = SmallInbox.Write(folder.PathOf("elsewhere"), "secret.csv", SmallInbox.Consultations("ELSEWHERE-1"));
        Directory.CreateDirectory(Partnership);
        Directory.CreateSymbolicLink(Path.Combine(Partnership, "more"), Path.Combine("..", "..", "..", "elsewhere"));
        // Sorted after the link: the refusal must not stop the files that follow it.
        SmallInbox.Write(Partnership, "real.csv", SmallInbox.Consultations("INSIDE-1"));

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        AssertRefusal("'more' is a symbolic link", "never followed");
        Assert.Equal(1, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
        Assert.True(File.Exists(secret));
        Assert.Equal(["secret.csv"], Directory.GetFileSystemEntries(folder.PathOf("elsewhere")).Select(Path.GetFileName));
        Assert.NotNull(new DirectoryInfo(Path.Combine(Rejected, "more")).LinkTarget);
    }

    [Fact]
    public async Task A_partnership_folder_that_is_a_link_out_of_the_inbox_is_refused_whole()
    {
        var secret = SmallInbox.Write(folder.PathOf("elsewhere"), "secret.csv", SmallInbox.Consultations("ELSEWHERE-1"));
        Directory.CreateDirectory(cli.Settings.Inbox);
        Directory.CreateSymbolicLink(Partnership, Path.Combine("..", "..", "elsewhere"));

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        AssertRefusal("'warwickshire' is a symbolic link", "never followed");
        Assert.Equal(0, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
        Assert.Equal(["secret.csv"], Directory.GetFileSystemEntries(folder.PathOf("elsewhere")).Select(Path.GetFileName));
        Assert.True(File.Exists(secret));
    }

    [Fact]
    public async Task A_file_named_like_a_path_out_of_the_inbox_is_loaded_and_kept_inside_it()
    {
        // On Unix '\' is part of a name: the file must be moved by its name, never as a path.
        const string name = @"..\..\..\escaped.csv";
        SmallInbox.Write(Partnership, name, SmallInbox.Consultations("NAMED-1"));

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
        Assert.True(File.Exists(Path.Combine(Partnership, "processed", name)));
        Assert.DoesNotContain(Directory.GetFiles(folder.Root, "*escaped*", SearchOption.AllDirectories), f => !f.StartsWith(Partnership, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_unread_with_its_size_and_kept()
    {
        // 4 GiB and one byte, sparse: it takes no disk space, and reading it would take long enough to notice.
        const long size = (4L << 30) + 1;
        var path = Path.Combine(Partnership, "huge.csv");
        Directory.CreateDirectory(Partnership);
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.Write(Encoding.UTF8.GetBytes(SmallInbox.Consultations("HUGE-1")));
            stream.SetLength(size);
        }

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("1 inbox entries refused", result.Out, StringComparison.Ordinal);
        AssertRefusal("'huge.csv' is ", "larger than the");
        Assert.Equal(size, new FileInfo(Path.Combine(Rejected, "huge.csv")).Length);
        Assert.Equal(0, SmallInbox.LoadedConsultations(cli.Settings.Warehouse));
    }

    [Fact]
    public async Task A_workbook_whose_part_would_inflate_past_the_limit_is_rejected_as_a_zip_bomb_and_kept()
    {
        Directory.CreateDirectory(Partnership);
        var bomb = Path.Combine(Partnership, "annex-a-bomb.xlsx");
        WriteBomb(bomb);
        var length = new FileInfo(bomb).Length;
        Assert.True(length < 4 << 20, "The bomb should be small on disk.");

        var result = await LoadAsync();

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("1 rejected", result.Out, StringComparison.Ordinal);
        var reason = SmallInbox.Reason(cli.Settings.Warehouse, "annex-a-bomb.xlsx");
        Assert.NotNull(reason);
        Assert.Contains("xl/worksheets/sheet1.xml", reason, StringComparison.Ordinal);
        Assert.Contains("zip bomb", reason, StringComparison.Ordinal);
        Assert.Contains(cli.Log.Lines, l => l.Contains("annex-a-bomb.xlsx: Rejected", StringComparison.Ordinal) && l.Contains("zip bomb", StringComparison.Ordinal));
        Assert.Equal(length, new FileInfo(Path.Combine(Rejected, "annex-a-bomb.xlsx")).Length);
    }

    private async Task<CliResult> LoadAsync()
    {
        await cli.SucceedAsync("key", "create");
        return await cli.RunAsync("load");
    }

    /// <summary>The refusal reached the log (the operator's terminal or journal) naming the entry and saying why.</summary>
    private void AssertRefusal(string entry, string why) =>
        Assert.Contains(cli.Log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(entry, StringComparison.Ordinal) && l.Contains(why, StringComparison.Ordinal));

    /// <summary>
    /// An Annex A workbook by its sheet names, whose one sheet is 1.1 GiB of zeros deflated to about a
    /// megabyte: over the loader's 1 GiB limit for what a workbook may inflate to.
    /// </summary>
    private static void WriteBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }
        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List 1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
        var zeros = new byte[1 << 20];
        for (var i = 0; i < 1100; i++) sheet.Write(zeros);
    }
}
