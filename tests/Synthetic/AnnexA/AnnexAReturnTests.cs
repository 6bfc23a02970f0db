using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Warehouse.Synthetic.AnnexA;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests.AnnexA;

[Collection(GeneratedRunGroup.Name)]
public sealed class AnnexAReturnTests(GeneratedRun run)
{
    // The contract's official column names, list by list (CONTRACT.md section 2).
    private static readonly Dictionary<int, string[]> Official = new()
    {
        [1] = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Date of Contact", "Contact Source"],
        [2] = ["Child Unique ID", "Assessment start date"],
        [3] = ["Child Unique ID", "Date of Referral", "Referral Source", "Referral NFA?"],
        [4] = ["Child Unique ID", "Continuous Assessment Start Date", "Was the child assessed as requiring LA children's social care support?"],
        [5] = ["Child Unique ID", "Strategy discussion initiating Section 47 Enquiry Start Date"],
        [6] = ["Child Unique ID", "CIN Start Date", "CIN Closure Date"],
        [7] = ["Child Unique ID", "Child Protection Plan Start Date", "Child Protection Plan End Date"],
    };

    public static TheoryData<string> Partnerships => ["warwickshire", "worcestershire"];

    [Fact]
    public void Every_workbook_opens_with_the_open_xml_sdk_and_validates()
    {
        var workbooks = run.Data.Files.Where(f => f.Kind == GeneratedFileKind.AnnexAWorkbook).ToList();
        Assert.Equal(12, workbooks.Count);
        var validator = new OpenXmlValidator();
        foreach (var file in workbooks)
        {
            using var document = SpreadsheetDocument.Open(file.Path, false);
            var errors = validator.Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{file.Path}:\n{string.Join("\n", errors.Take(10))}");
        }
    }

    [Fact]
    public void A_broken_workbook_would_fail_validation()
    {
        // The validation above can fail: a worksheet with a cell outside any row is reported.
        using var temp = new TempFolder();
        var copy = temp.Sub("broken.xlsx");
        File.Copy(run.Data.Files.First(f => f.Kind == GeneratedFileKind.AnnexAWorkbook).Path, copy);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First();
            sheet.Worksheet.InsertAt(new DocumentFormat.OpenXml.Spreadsheet.Cell(), 0);
            sheet.Worksheet.Save();
        }

        using var reopened = SpreadsheetDocument.Open(copy, false);
        Assert.NotEmpty(new OpenXmlValidator().Validate(reopened));
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Sheets_are_list_1_to_list_11_with_the_official_column_names(string partnership)
    {
        var fixture = FixtureHeaders();
        foreach (var path in run.Source(partnership).Workbooks)
        {
            var sheets = Workbook.Read(path);
            Assert.Equal(Enumerable.Range(1, 11).Select(n => "List " + n.ToString(CultureInfo.InvariantCulture)), sheets.Select(s => s.Name));
            for (var list = 1; list <= 7; list++)
            {
                Assert.All(Official[list], name => Assert.Contains(name, sheets[list - 1].Header));
                if (fixture is not null)
                {
                    Assert.Equal(fixture[list - 1], sheets[list - 1].Header);
                }
            }

            for (var list = 8; list <= 11; list++)
            {
                Assert.Empty(sheets[list - 1].Rows);
                Assert.NotEmpty(sheets[list - 1].Header);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void A_returns_coverage_is_its_months_events_and_lists_6_and_7_its_open_episodes(string partnership)
    {
        foreach (var path in run.Source(partnership).Workbooks)
        {
            var month = DateOnly.ParseExact(Path.GetFileName(path)[8..15] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = month.AddMonths(1).AddDays(-1);
            var sheets = Workbook.Read(path);
            var keys = new[] { "Date of Contact", "Assessment start date", "Date of Referral", "Continuous Assessment Start Date", "Strategy discussion initiating Section 47 Enquiry Start Date" };
            for (var list = 1; list <= 5; list++)
            {
                var sheet = sheets[list - 1];
                var column = sheet.Column(keys[list - 1]);
                Assert.NotEmpty(sheet.Rows);
                Assert.All(sheet.Rows, r => Assert.InRange(r[column]!.AsDate()!.Value, month, end));
            }

            foreach (var (list, start, close) in new[] { (6, "CIN Start Date", "CIN Closure Date"), (7, "Child Protection Plan Start Date", "Child Protection Plan End Date") })
            {
                var sheet = sheets[list - 1];
                Assert.NotEmpty(sheet.Rows);
                foreach (var row in sheet.Rows)
                {
                    Assert.True(row[sheet.Column(start)]!.AsDate() <= end);
                    if (row[sheet.Column(close)]?.AsDate() is { } closed)
                    {
                        Assert.InRange(closed, month, end);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Annex_a_children_are_the_consultations_children(string partnership)
    {
        var source = run.Source(partnership);
        var consulted = source.Consultations.Select(c => c.ChildId).ToHashSet(StringComparer.Ordinal);
        Assert.All(source.Events, e => Assert.Contains(e.ChildId, consulted));
        var contacts = source.Events.Count(e => e.List == 1);
        Assert.InRange(contacts, source.Consultations.Count * 0.85, source.Consultations.Count * 0.99);
        Assert.All(Enumerable.Range(1, 5), list => Assert.Contains(source.Events, e => e.List == list));
    }

    [Fact]
    public void Messy_returns_carry_real_export_mess()
    {
        var cells = run.Data.Files
            .Where(f => f.Kind == GeneratedFileKind.AnnexAWorkbook)
            .SelectMany(f => Workbook.Read(f.Path).Take(7))
            .SelectMany(s => s.Rows.SelectMany(r => r.Select((c, i) => (Column: s.Header[i], Cell: c))))
            .Where(x => x.Cell is not null)
            .ToList();
        string[] Texts(string column) => [.. cells.Where(x => x.Column == column && x.Cell!.Text is not null).Select(x => x.Cell!.Text!).Distinct()];

        Assert.Contains("a) Male", Texts("Gender"));
        Assert.Contains("Male", Texts("Gender"));
        Assert.Contains("a) WBRI", Texts("Ethnicity"));
        Assert.Contains("WBRI", Texts("Ethnicity"));
        Assert.Contains("q) 6: Police", Texts("Contact Source"));
        Assert.Contains("6", Texts("Contact Source"));
        Assert.Contains(cells, x => x.Column == "Date of Contact" && x.Cell!.Number is not null);
        Assert.Contains(cells, x => x.Column == "Date of Contact" && x.Cell!.Text is not null && Dates.Parse(x.Cell.Text) is not null);
        Assert.Contains(cells, x => x.Cell!.Text == "#N/A" || x.Cell.Error);
        Assert.Contains(cells, x => x.Cell!.Error);
        Assert.Contains(cells, x => x.Column == "Allocated Worker" && x.Cell!.Text!.Contains('\u00A0', StringComparison.Ordinal));
        Assert.Contains(cells, x => x.Column == "Allocated Worker" && x.Cell!.Text!.Contains(' ', StringComparison.Ordinal));
        Assert.Contains(cells, x => x.Column == "Age" && x.Cell!.Number is { } age && age != Math.Floor(age));
        Assert.Contains(cells, x => x.Cell!.Formula is not null && x.Cell.AsDate() is not null);
        Assert.Contains("CS Assessment Updated", Texts("Was the child assessed as requiring LA children's social care support?"));
    }

    [Fact]
    public void Plain_returns_have_none_of_the_mess()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 4, 1),
            Months = 2,
            ConsultationsPerPartnership = 1_500,
            Messy = false,
        });
        var cells = data.Files
            .Where(f => f.Kind == GeneratedFileKind.AnnexAWorkbook)
            .SelectMany(f => Workbook.Read(f.Path).Take(7))
            .SelectMany(s => s.Rows.SelectMany(r => r.Select((c, i) => (Column: s.Header[i], Cell: c))))
            .Where(x => x.Cell is not null)
            .ToList();

        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, x => x.Cell!.Error || x.Cell.Text == "#N/A" || x.Cell.Formula is not null);
        Assert.DoesNotContain(cells, x => x.Cell!.Text?.Contains('\u00A0', StringComparison.Ordinal) == true);
        Assert.All(cells.Where(x => x.Column == "Gender"), x => Assert.Matches(@"^[abc]\) ", x.Cell!.Text));
        Assert.All(cells.Where(x => x.Column.Contains("Date", StringComparison.Ordinal) && !x.Column.StartsWith("Date of Birth", StringComparison.Ordinal)), x => Assert.NotNull(x.Cell!.Number));
    }

    [Fact]
    public void A_return_too_long_for_a_sheet_becomes_one_csv_per_list()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["worcestershire"],
            Start = new DateOnly(2025, 4, 1),
            Months = 2,
            ConsultationsPerPartnership = 1_500,
            ExcelRowLimit = 500,
        });

        Assert.DoesNotContain(data.Files, f => f.Kind == GeneratedFileKind.AnnexAWorkbook);
        var lists = data.Files.Where(f => f.Kind == GeneratedFileKind.AnnexAList).ToList();
        Assert.Contains(lists, f => f.Path.EndsWith("annex-a-2025-04-list-1.csv", StringComparison.Ordinal));
        Assert.True(lists.Count >= 10, string.Join(", ", lists.Select(f => Path.GetFileName(f.Path))));
        foreach (var file in lists)
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(file.Path).Split('-')[^1], CultureInfo.InvariantCulture);
            var table = Csv.Read(file.Path);
            Assert.All(Official[number], name => Assert.Contains(name, table.Header));
            Assert.Equal(file.Rows, table.Rows.Count);
            Assert.NotEmpty(table.Rows);
        }

        var manifest = Assert.Single(data.Manifest.Partnerships);
        Assert.Equal(lists.Count, manifest.Counts.AnnexAListFiles);
        Assert.Equal(0, manifest.Counts.AnnexAWorkbooks);

        // The same data through CSV: the consultations derive exactly as the manifest says.
        var source = SourceData.Load(Path.Combine(data.OutputFolder, "worcestershire"), "worcestershire", Frameworks.FrameworkCatalog.LoadEmbedded());
        Assert.Empty(source.Workbooks);
        Assert.Equal(manifest.AnnexACoverageEnd, source.CoverageEnd);
    }

    [Fact]
    public void Asking_for_workbooks_too_long_for_a_sheet_is_refused()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<InvalidOperationException>(() => SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["worcestershire"],
            Start = new DateOnly(2025, 4, 1),
            Months = 1,
            ConsultationsPerPartnership = 1_500,
            ExcelRowLimit = 500,
            AnnexAFormat = AnnexAFormat.Xlsx,
        }));
        Assert.Contains("more than a sheet holds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_per_list_can_be_asked_for_at_any_size()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 4, 1),
            Months = 1,
            ConsultationsPerPartnership = 300,
            AnnexAFormat = AnnexAFormat.CsvPerList,
        });
        Assert.Contains(data.Files, f => f.Kind == GeneratedFileKind.AnnexAList);
        Assert.DoesNotContain(data.Files, f => f.Kind == GeneratedFileKind.AnnexAWorkbook);
    }

    [Theory]
    [InlineData(AnnexAFormat.Auto, 1_048_575, false)]
    [InlineData(AnnexAFormat.Auto, 1_048_576, true)]
    [InlineData(AnnexAFormat.Auto, 1_100_000, true)]
    [InlineData(AnnexAFormat.Auto, 10, false)]
    [InlineData(AnnexAFormat.CsvPerList, 10, true)]
    [InlineData(AnnexAFormat.Xlsx, 10, false)]
    public void The_switch_to_csv_comes_after_excels_last_row(AnnexAFormat format, long longestList, bool csv)
    {
        Assert.Equal(1_048_575, new GeneratorOptions { OutputFolder = "x" }.ExcelRowLimit);
        Assert.Equal(csv, AnnexAReturnWriter.UsesCsv(format, longestList, GeneratorOptions.ExcelMaxDataRows));
    }

    // The published samples' headers for Lists 1–7, when the shared fixtures are beside the repository.
    private static List<IReadOnlyList<string>>? FixtureHeaders()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "fixtures", "annex-a", "liia-tools-sample-annex-a.xlsx");
            if (File.Exists(path))
            {
                return [.. Workbook.Read(path).Take(7).Select(s => s.Header)];
            }
        }

        return null;
    }
}
