using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Malformed.Support;
using Warehouse.Etl.Tests.Support;
using Xunit.Abstractions;

namespace Warehouse.Etl.Tests.Malformed;

/// <summary>
/// CSV bytes in the wrong encoding or with stray bytes. The contract reads CSV as UTF-8, with or
/// without a BOM, in any one line-ending convention: what decodes so loads; a whole file in another
/// encoding (UTF-16, a Windows-1252 header) is refused as the kind it is, with the encoding named;
/// a row that is not valid UTF-8 or holds NUL bytes is a reject by row; mixed line endings refuse
/// the file naming the rows.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(MalformedCorpus.Name)]
public sealed class EncodingTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Encoding Windows1252 = CodePagesEncoding();

    private readonly MalformedInbox inbox = new(output);

    public void Dispose() => inbox.Dispose();

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static string ThreeRows(string team2 = "Family Connect Team A") =>
        new ConsultationCsv().Add("C1").Add("C2", r => r["team"] = team2).Add("C3").Build();

    [Theory]
    [InlineData("utf-16le", "UTF-16 (little-endian)")]
    [InlineData("utf-16be", "UTF-16 (big-endian)")]
    [InlineData("utf-32le", "UTF-32 (little-endian)")]
    public void A_file_in_utf_16_or_32_is_refused_as_the_kind_it_is_naming_the_encoding(string encoding, string named)
    {
        var text = Encoding.GetEncoding(encoding);
        inbox.DropBytes("unicode.csv", [.. text.GetPreamble(), .. text.GetBytes(ThreeRows())]);
        inbox.DropGoodNeighbour();

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "unicode.csv", FileOutcome.Rejected, $"It is {named} text", "reads CSV files as UTF-8", "CSV UTF-8");
        Assert.Equal("consultations", file.Kind);
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void A_utf_16_file_without_a_byte_order_mark_is_unrecognised_for_its_nul_bytes()
    {
        inbox.DropBytes("no-bom.csv", Encoding.Unicode.GetBytes(ThreeRows()));

        var report = inbox.Load();

        inbox.AssertOutcome(report, "no-bom.csv", FileOutcome.Unrecognised, "NUL bytes", "UTF-16 text without a byte-order mark");
    }

    [Fact]
    public void Windows_1252_text_in_a_row_rejects_that_row_naming_the_encoding_and_the_rest_loads()
    {
        // Saved as "CSV (Comma delimited)" by an English Windows Excel: £ is byte A3, é is E9.
        inbox.DropBytes("ansi.csv", Windows1252.GetBytes(ThreeRows(team2: "Café team, £5 budget")));

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "ansi.csv", FileOutcome.Loaded, "1 row(s) rejected");
        Assert.Equal([2L, 4L], inbox.LoadedConsultationRows("ansi.csv"));
        var reject = Assert.Single(inbox.Rejects("ansi.csv"));
        Assert.Equal((3L, "team"), (reject.Row, reject.Column));
        Assert.Contains("row 3 is not valid UTF-8 text (the file may have been saved as Windows-1252/ANSI)", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(2, file.RowsLoaded);
    }

    [Fact]
    public void A_windows_1252_header_refuses_the_file_naming_the_encoding()
    {
        var header = ConsultationCsv.Header.Append("Référence").ToList();
        inbox.DropBytes("ansi-header.csv", Windows1252.GetBytes(new ConsultationCsv().Add("C1").Build(header)));

        var report = inbox.Load();

        inbox.AssertOutcome(report, "ansi-header.csv", FileOutcome.Rejected, "first line is not UTF-8 text", "Windows-1252");
    }

    [Fact]
    public void Invalid_utf_8_sequences_are_rejects_by_row()
    {
        var csv = new ConsultationCsv().Add("C1").Add("C2").Add("C3").Add("C4").Add("C5").Build();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(csv));
        // Into the team of rows 3 to 6: a lone continuation byte, an overlong '/', a sequence cut short, an encoded surrogate.
        byte[][] broken = [[0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80]];
        var text = Encoding.UTF8.GetString([.. bytes]);
        var result = new List<byte>();
        var lines = text.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            result.AddRange(Encoding.UTF8.GetBytes(lines[i]));
            if (i is >= 2 and <= 5) result.AddRange(broken[i - 2]);
            if (i < lines.Length - 1) result.AddRange("\r\n"u8.ToArray());
        }
        inbox.DropBytes("broken-utf8.csv", [.. result]);

        var report = inbox.Load();

        inbox.AssertOutcome(report, "broken-utf8.csv", FileOutcome.Loaded, "4 row(s) rejected");
        Assert.Equal([2L], inbox.LoadedConsultationRows("broken-utf8.csv"));
        Assert.Equal([3L, 4L, 5L, 6L], inbox.Rejects("broken-utf8.csv").Select(r => r.Row!.Value));
        Assert.All(inbox.Rejects("broken-utf8.csv"), r => Assert.Contains("not valid UTF-8", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Utf_8_with_a_bom_and_accents_loads_in_an_annex_a_list_csv()
    {
        var csv = AnnexACsv.List(3, ("A", "2026-03-02", "No"), ("B", "02/03/2026", "No")).Replace("Ms Worker Name", "Zoë Brontë £", StringComparison.Ordinal);
        inbox.DropBytes("list-3.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "list-3.csv", FileOutcome.Loaded);
        Assert.Equal(2, file.RowsLoaded);
        Assert.Empty(IdentifierScan.TextColumnsContaining(inbox.Harness.Connection, ["Zoë", "Brontë"]));
    }

    [Fact]
    public void A_character_split_by_the_first_megabyte_does_not_make_a_large_file_unreadable()
    {
        // The recogniser used to decode the first 1 MiB strictly: a character cut in two by that
        // boundary made the whole file "not readable text".
        var csv = new ConsultationCsv();
        for (var i = 0; i < 10_000; i++) csv.Add($"C{i}", r => r["team"] = "Équipe Family Connect");
        var text = csv.Build();
        var bytes = Encoding.UTF8.GetBytes(text);
        var boundary = (1 << 20) - 1;
        // Shift the text by a few ASCII characters in the first row until an 'É' starts on the last byte of the first MiB.
        var shift = 0;
        while (bytes[boundary - shift] != 0xC3) shift++;
        var padded = text.Replace("C0,CHILD-C0", "C0" + new string('0', shift) + ",CHILD-C0", StringComparison.Ordinal);
        var paddedBytes = Encoding.UTF8.GetBytes(padded);
        Assert.Equal(0xC3, paddedBytes[boundary]);
        inbox.DropBytes("large.csv", paddedBytes);

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "large.csv", FileOutcome.Loaded);
        Assert.Equal(10_000, file.RowsLoaded);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void One_line_ending_throughout_loads_whichever_it_is(string lineEnd)
    {
        var csv = new ConsultationCsv().Add("C1").Add("C2", r => r["team"] = "two\nlines").Add("C3").Build().Replace("\r\n", lineEnd, StringComparison.Ordinal);
        inbox.Drop("endings.csv", csv);

        var report = inbox.Load();

        var file = inbox.AssertOutcome(report, "endings.csv", FileOutcome.Loaded);
        Assert.Equal(3, file.RowsLoaded);
        Assert.Equal([2L, 3L, 4L], inbox.LoadedConsultationRows("endings.csv"));
    }

    [Fact]
    public void Mixed_line_endings_refuse_the_file_naming_the_rows()
    {
        var lines = new ConsultationCsv().Add("C1").Add("C2").Add("C3").Add("C4").Build().Split("\r\n");
        // Rows 1-2 end CRLF (Windows), row 3 LF (Unix), row 4 CR (old Mac), row 5 CRLF again.
        var csv = lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2] + "\n" + lines[3] + "\r" + lines[4] + "\r\n";
        inbox.Drop("mixed.csv", csv);
        inbox.DropGoodNeighbour();

        var report = inbox.Load();

        inbox.AssertOutcome(report, "mixed.csv", FileOutcome.Rejected, "mixes line endings",
            "3 line(s) end with CRLF (Windows), the first on row 1", "1 line(s) end with LF (Unix), the first on row 3", "1 line(s) end with CR (old Mac), the first on row 4");
        inbox.AssertNeighbourLoaded(report);
    }

    [Fact]
    public void Nul_bytes_in_a_row_reject_that_row_and_in_the_header_leave_the_file_unrecognised()
    {
        var csv = ThreeRows(team2: "Family\0Connect");
        inbox.Drop("nul-row.csv", csv);
        inbox.DropBytes("nul-header.csv", [.. Encoding.UTF8.GetBytes("consultation_id,child\0_id\r\n"), .. Encoding.UTF8.GetBytes("C9,X\r\n")]);

        var report = inbox.Load();

        inbox.AssertOutcome(report, "nul-row.csv", FileOutcome.Loaded, "1 row(s) rejected");
        var reject = Assert.Single(inbox.Rejects("nul-row.csv"));
        Assert.Equal(3L, reject.Row);
        Assert.Contains("row 3 holds NUL bytes", reject.Reason, StringComparison.Ordinal);
        Assert.Equal([2L, 4L], inbox.LoadedConsultationRows("nul-row.csv"));
        inbox.AssertOutcome(report, "nul-header.csv", FileOutcome.Unrecognised, "first line holds NUL bytes");
    }

    [Fact]
    public void An_excel_97_workbook_is_unrecognised_with_advice_to_save_it_as_xlsx()
    {
        inbox.DropBytes("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]]);

        var report = inbox.Load();

        inbox.AssertOutcome(report, "old.xls", FileOutcome.Unrecognised, "Excel 97-2003 workbook (.xls)", "save it as .xlsx");
    }
}
