using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;
using Warehouse.Synthetic;

namespace Warehouse.Etl.Tests.EndToEnd;

/// <summary>
/// The generator's messy files for both partnerships, loaded through the inbox: every file loads,
/// every derived actual level matches the generator's answer key, and no raw identifier or
/// person's name reaches the warehouse file, its write-ahead log or any table.
/// </summary>
public sealed class GeneratedDataTests : IClassFixture<GeneratedDataTests.Loaded>
{
    private readonly Loaded loaded;

    public GeneratedDataTests(Loaded loaded) => this.loaded = loaded;

    public sealed class Loaded : IDisposable
    {
        public Loaded()
        {
            Harness = new LoadHarness(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
            AnswerKeys = Path.Combine(Harness.Folder, "answers");
            Generated = SyntheticGenerator.Generate(new GeneratorOptions
            {
                Seed = 20261122,
                OutputFolder = Harness.Inbox,
                Start = new DateOnly(2026, 4, 1),
                Months = 4,
                ConsultationsPerPartnership = 1500,
                PlantInconsistencies = true,
                Messy = true,
                AnswerKeyFolder = AnswerKeys,
            });
            // The manifest sits at the inbox's top level: the loader must leave it as unrecognised.
            Report = Harness.Load();
        }

        public LoadHarness Harness { get; }

        public string AnswerKeys { get; }

        public GeneratedData Generated { get; }

        public LoadReport Report { get; }

        public void Dispose() => Harness.Dispose();
    }

    [Fact]
    public void Every_generated_file_loads_and_no_consultation_is_rejected()
    {
        var files = loaded.Report.Files.Where(f => f.Partnership != "(none)").ToList();
        Assert.All(files, f => Assert.True(f.Outcome == FileOutcome.Loaded, $"{f.FileName}: {f.Outcome} {f.Reason}"));
        Assert.Equal(0, loaded.Harness.Scalar<long>("SELECT count(*) FROM ops.rejects"));
        Assert.Equal(3000, loaded.Harness.Scalar<long>("SELECT count(*) FROM fact.consultation"));
        // The generator's mess shows as warnings, never as rejects.
        Assert.True(loaded.Harness.Scalar<long>("SELECT count(*) FROM ops.data_quality_warnings") > 0);
    }

    [Fact]
    public void Every_derived_actual_level_matches_the_answer_key()
    {
        var expected = new Dictionary<(string, string), (int Level, string Source, DateOnly WindowEnd)>();
        foreach (var partnership in new[] { "warwickshire", "worcestershire" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(loaded.AnswerKeys, partnership), "answer-key-*.csv"))
            {
                foreach (var line in File.ReadLines(file).Skip(1))
                {
                    var f = line.Split(',');
                    expected[(partnership, f[0])] = (int.Parse(f[5], CultureInfo.InvariantCulture), f[6], DateOnly.Parse(f[7], CultureInfo.InvariantCulture));
                }
            }
        }
        var rows = loaded.Harness.Rows("SELECT partnership, consultation_id, actual_level, actual_source FROM fact.consultation");
        Assert.Equal(expected.Count, rows.Count);
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var (level, source, _) = expected[((string)row[0]!, (string)row[1]!)];
            var actualSource = (string)row[3]!;
            if (actualSource == "pending") continue; // window still open at the cut-off: no level yet, by design
            if ((int?)row[2] != level || actualSource != source) mismatches.Add($"{row[0]} {row[1]}: derived {row[2]} ({actualSource}), expected {level} ({source})");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.True(rows.Count(r => (string)r[3]! == "annex_a") > 500);
    }

    [Fact]
    public void No_raw_child_id_or_person_name_reaches_any_table_or_the_warehouse_files()
    {
        var needles = new List<string> { "SYN-WAR-", "SYN-WOR-", "Fairweather", "Pennywhistle", "Kettleborough", "Brackenbury" };
        Assert.Empty(IdentifierScan.TextColumnsContaining(loaded.Harness.Connection, needles));

        // A few real ids from the answer key, checked in their exact form too.
        needles.AddRange(Directory.GetFiles(Path.Combine(loaded.AnswerKeys, "warwickshire"), "*.csv")
            .SelectMany(File.ReadLines).Skip(1).Take(5).Select(l => l.Split(',')[1]));
        loaded.Harness.Close();
        try
        {
            var path = loaded.Harness.WarehousePath;
            Assert.Empty(IdentifierScan.FilesContaining([path, path + ".wal"], needles));
        }
        finally
        {
            loaded.Harness.Reopen();
        }
    }
}
