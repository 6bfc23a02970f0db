using System.Security.Cryptography;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests;

public sealed class SyntheticGeneratorTests
{
    private static GeneratorOptions Small(string folder, long seed = 7) => new()
    {
        Seed = seed,
        OutputFolder = folder,
        Start = new DateOnly(2025, 3, 1),
        Months = 2,
        ConsultationsPerPartnership = 800,
    };

    [Fact]
    public void Same_seed_and_options_give_the_same_bytes()
    {
        using var temp = new TempFolder();
        var first = SyntheticGenerator.Generate(Small(temp.Sub("a")) with { AnswerKeyFolder = temp.Sub("a-key") });
        var second = SyntheticGenerator.Generate(Small(temp.Sub("b")) with { AnswerKeyFolder = temp.Sub("b-key") });

        var a = Hashes(first.OutputFolder).Concat(Hashes(temp.Sub("a-key"))).ToList();
        var b = Hashes(second.OutputFolder).Concat(Hashes(temp.Sub("b-key"))).ToList();
        Assert.True(a.Count > 10);
        Assert.Equal(a, b);
        Assert.Contains(a, f => f.Path.EndsWith(".xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_different_seed_gives_different_files()
    {
        using var temp = new TempFolder();
        var first = SyntheticGenerator.Generate(Small(temp.Sub("a")));
        var second = SyntheticGenerator.Generate(Small(temp.Sub("b"), seed: 8));

        var a = Hashes(first.OutputFolder).ToDictionary(f => f.Path, f => f.Hash);
        var b = Hashes(second.OutputFolder).ToDictionary(f => f.Path, f => f.Hash);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (path, hash) in a)
        {
            if (path.Contains("consultations-", StringComparison.Ordinal) || path.Contains("annex-a-", StringComparison.Ordinal))
            {
                Assert.NotEqual(hash, b[path]);
            }
            else
            {
                // The reference data are copies of the shipped files: the same whatever the seed.
                Assert.True(path.EndsWith("manifest.json", StringComparison.Ordinal) || hash == b[path], path);
            }
        }
    }

    [Fact]
    public void Turning_the_mess_off_changes_the_text_and_not_the_data()
    {
        using var temp = new TempFolder();
        SyntheticGenerator.Generate(Small(temp.Sub("messy")) with { AnswerKeyFolder = temp.Sub("messy-key") });
        var plain = SyntheticGenerator.Generate(Small(temp.Sub("plain")) with { AnswerKeyFolder = temp.Sub("plain-key"), Messy = false });

        Assert.Equal(Hashes(temp.Sub("messy-key")), Hashes(temp.Sub("plain-key")));
        Assert.NotEqual(
            Hashes(Path.Combine(temp.Sub("messy"), "warwickshire")).Where(f => f.Path.StartsWith("consultations", StringComparison.Ordinal)),
            Hashes(Path.Combine(temp.Sub("plain"), "warwickshire")).Where(f => f.Path.StartsWith("consultations", StringComparison.Ordinal)));
        foreach (var file in plain.Files.Where(f => f.Kind == GeneratedFileKind.Consultations))
        {
            var table = Csv.Read(file.Path);
            Assert.Equal(
                ["consultation_id", "child_id", "date_of_birth", "sex", "ethnicity", "disability", "consultation_date", "decision_date", "locality", "caller_agency", "contact_source", "consent", "caller_level", "indicators", "likelihood", "seriousness", "recommended_level", "outcome", "actual_level", "team"],
                table.Header);
            Assert.False(table.ByteOrderMark);
            Assert.All(table.Rows, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r[6]));
        }
    }

    [Fact]
    public void A_month_of_a_few_hundred_consultations()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Start = new DateOnly(2025, 6, 1),
            Months = 1,
            ConsultationsPerPartnership = 300,
        });

        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            var files = data.Files.Where(f => f.Partnership == partnership).ToList();
            var consultations = Assert.Single(files, f => f.Kind == GeneratedFileKind.Consultations);
            Assert.Equal(300, Csv.Read(consultations.Path).Rows.Count);
            Assert.Equal("consultations-2025-06.csv", Path.GetFileName(consultations.Path));
            Assert.Equal("annex-a-2025-06.xlsx", Path.GetFileName(Assert.Single(files, f => f.Kind == GeneratedFileKind.AnnexAWorkbook).Path));
            Assert.Single(files, f => f.Kind == GeneratedFileKind.Localities);
            Assert.Single(files, f => f.Kind == GeneratedFileKind.Agencies);
            Assert.Equal(300, data.Manifest.Partnerships.Single(p => p.Partnership == partnership).Counts.Consultations);
        }
    }

    [Fact]
    public void Two_years_give_a_file_and_a_return_a_month()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["worcestershire"],
            Start = new DateOnly(2024, 1, 1),
            Months = 24,
            ConsultationsPerPartnership = 4_000,
            Messy = false,
        });

        var consultations = data.Files.Where(f => f.Kind == GeneratedFileKind.Consultations).ToList();
        Assert.Equal(24, consultations.Count);
        Assert.Equal(24, data.Files.Count(f => f.Kind == GeneratedFileKind.AnnexAWorkbook));
        Assert.Equal(4_000, consultations.Sum(f => Csv.Read(f.Path).Rows.Count));
        Assert.DoesNotContain(data.Files, f => f.Partnership == "warwickshire");
        var manifest = Assert.Single(data.Manifest.Partnerships);
        Assert.Equal(new DateOnly(2024, 1, 1), manifest.AnnexACoverageStart);
        Assert.True(manifest.Counts.Children < 4_000 && manifest.Counts.RepeatConsultations > 400, $"{manifest.Counts.Children} children, {manifest.Counts.RepeatConsultations} repeats");
    }

    [Fact]
    public void No_consultation_decision_or_event_is_dated_after_today()
    {
        using var temp = new TempFolder();
        var today = new DateOnly(2025, 2, 14);
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Start = new DateOnly(2025, 1, 1),
            Months = 3,
            Today = today,
            ConsultationsPerPartnership = 1_500,
        });

        var catalog = Frameworks.FrameworkCatalog.LoadEmbedded();
        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            var source = SourceData.Load(Path.Combine(data.OutputFolder, partnership), partnership, catalog);
            Assert.Equal(1_500, source.Consultations.Count);
            Assert.Equal(today, source.Consultations.Max(c => c.Date));
            Assert.All(source.Consultations, c => Assert.True(c.Decision is null || c.Decision <= today));
            Assert.True(source.CoverageEnd <= today);
            Assert.All(source.Episodes, e => Assert.True(e.Start <= today));
            Assert.DoesNotContain(data.Files, f => f.Path.Contains("2025-03", StringComparison.Ordinal));
        }

        Assert.Equal(today, data.Manifest.Options.Today);
    }

    [Fact]
    public void Consultations_start_when_the_first_framework_version_takes_effect()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Start = new DateOnly(2023, 11, 1),
            Months = 4,
            ConsultationsPerPartnership = 1_000,
        });

        var warwickshire = data.Manifest.Partnerships.Single(p => p.Partnership == "warwickshire");
        var worcestershire = data.Manifest.Partnerships.Single(p => p.Partnership == "worcestershire");
        Assert.Equal(new DateOnly(2024, 1, 1), warwickshire.FirstConsultationDate);
        Assert.Contains(warwickshire.Notes, n => n.Contains("2024-01-01", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2023, 11, 1), worcestershire.FirstConsultationDate);
        Assert.Equal(1_000, warwickshire.Counts.Consultations);
        Assert.Equal(2, data.Files.Count(f => f.Partnership == "warwickshire" && f.Kind == GeneratedFileKind.Consultations));
    }

    [Theory]
    [InlineData(0, 1_000, 0.5, "warwickshire")]
    [InlineData(121, 1_000, 0.5, "warwickshire")]
    [InlineData(12, 99, 0.5, "warwickshire")]
    [InlineData(12, 10_000_001, 0.5, "warwickshire")]
    [InlineData(12, 1_000, 1.5, "warwickshire")]
    [InlineData(12, 1_000, 0.5, "leicestershire")]
    public void Options_out_of_range_are_refused(int months, int consultations, double share, string partnership)
    {
        using var temp = new TempFolder();
        Assert.Throws<ArgumentException>(() => SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Months = months,
            ConsultationsPerPartnership = consultations,
            RecordedActualShare = share,
            Partnerships = [partnership],
        }));
        Assert.False(Directory.Exists(temp.Sub("inbox")));
    }

    [Fact]
    public void A_span_before_any_framework_version_is_refused()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<ArgumentException>(() => SyntheticGenerator.Generate(new GeneratorOptions
        {
            OutputFolder = temp.Sub("inbox"),
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2022, 1, 1),
            Months = 12,
        }));
        Assert.Contains("No warwickshire framework version is in force", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("inbox")));
    }

    [Fact]
    public void A_folder_already_holding_a_partnerships_files_is_refused()
    {
        using var temp = new TempFolder();
        SyntheticGenerator.Generate(Small(temp.Sub("inbox")));
        var error = Assert.Throws<InvalidOperationException>(() => SyntheticGenerator.Generate(Small(temp.Sub("inbox"))));
        Assert.Contains("manifest.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_reported_after_each_month()
    {
        using var temp = new TempFolder();
        var reports = new List<GeneratorProgress>();
        var progress = new Collect(reports);
        SyntheticGenerator.Generate(Small(temp.Sub("inbox")), progress);

        Assert.Equal(4, reports.Count);
        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            var mine = reports.Where(r => r.Partnership == partnership).OrderBy(r => r.MonthsDone).ToList();
            Assert.Equal([1, 2], mine.Select(r => r.MonthsDone));
            Assert.Equal(new DateOnly(2025, 4, 1), mine[^1].Month);
            Assert.Equal(800, mine[^1].ConsultationsWritten);
            Assert.True(mine[0].ConsultationsWritten is > 0 and < 800);
        }
    }

    [Fact]
    public void A_cancelled_run_stops()
    {
        using var temp = new TempFolder();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticGenerator.Generate(Small(temp.Sub("inbox")), null, cancel.Token));
    }

    [Fact]
    public void The_manifest_on_disk_is_the_one_returned_and_says_the_data_are_synthetic()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(Small(temp.Sub("inbox")));
        var text = File.ReadAllText(data.ManifestPath);
        Assert.Contains("\"seed\": 7", text, StringComparison.Ordinal);
        Assert.Contains("synthetic", data.Manifest.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No record describes a real child", data.Manifest.Note, StringComparison.Ordinal);
        var read = Manifest.ManifestWriter.Read(data.ManifestPath);
        Assert.Equal(data.Manifest.Seed, read.Seed);
        Assert.Equal(
            data.Manifest.Partnerships.Select(p => p.Planted.SeriousUnderResponses.Count),
            read.Partnerships.Select(p => p.Planted.SeriousUnderResponses.Count));
        Assert.Equal(Path.Combine(data.OutputFolder, "manifest.json"), data.ManifestPath);
        Assert.DoesNotContain(temp.Path, text, StringComparison.Ordinal);
    }

    internal static List<(string Path, string Hash)> Hashes(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(folder, p).Replace('\\', '/'), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p)))))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)];

    private sealed class Collect(List<GeneratorProgress> reports) : IProgress<GeneratorProgress>
    {
        public void Report(GeneratorProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
