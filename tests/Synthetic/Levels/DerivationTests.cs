using System.Globalization;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests.Levels;

/// <summary>
/// The files, read back and put through CONTRACT.md section 3 by the tests' own implementation, give exactly the
/// actual levels the generator meant (its answer key) and the counts its manifest states.
/// </summary>
[Collection(GeneratedRunGroup.Name)]
public sealed class DerivationTests(GeneratedRun run)
{
    public static TheoryData<string> Partnerships => ["warwickshire", "worcestershire"];

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void Every_actual_level_the_contract_derives_is_the_answer_keys(string partnership)
    {
        var source = run.Source(partnership);
        var manifest = run.Manifest(partnership);
        var cutoff = manifest.AnnexACoverageEnd!.Value;
        Assert.Equal(source.CoverageStart, manifest.AnnexACoverageStart);
        Assert.Equal(source.CoverageEnd, cutoff);
        Assert.Equal(source.Consultations.Min(c => c.Date), manifest.AnnexACoverageStart);

        var key = run.AnswerKey(partnership, out var table);
        var (level, from, windowEnd) = (table.Column("actual_level"), table.Column("actual_source"), table.Column("window_end"));
        Assert.Equal(source.Consultations.Count, key.Count);
        int recorded = 0, annexA = 0, pending = 0;
        foreach (var c in source.Consultations)
        {
            var row = key[c.Id];
            var derived = ReferenceDerivation.Derive(c, source, run.Catalog.VersionFor(partnership, c.Date)!, cutoff);
            if (derived is null)
            {
                pending++;
                Assert.Equal("annex_a", row[from]);
                Assert.True(DateOnly.Parse(row[windowEnd], CultureInfo.InvariantCulture) > cutoff);
                continue;
            }

            Assert.True(derived.Value.Source == row[from], $"{c.Id}: {derived.Value.Source}, key {row[from]}");
            Assert.True(int.Parse(row[level], CultureInfo.InvariantCulture) == derived.Value.Level, $"{c.Id} ({c.Outcome}, {c.Date}): derived {derived.Value.Level}, key {row[level]}");
            _ = derived.Value.Source == "recorded" ? recorded++ : annexA++;
        }

        Assert.Equal(manifest.Counts.ActualRecorded, recorded);
        Assert.Equal(manifest.Counts.ActualFromAnnexA, annexA);
        Assert.Equal(manifest.Counts.ActualPending, pending);
        Assert.True(annexA > 1_500 && recorded > 2_500 && pending > 300, $"{recorded} recorded, {annexA} from Annex A, {pending} pending");
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void The_realised_counts_in_the_manifest_are_what_the_files_give(string partnership)
    {
        var manifest = run.Manifest(partnership);
        var assessed = Assessed.All(run.Source(partnership), run.Catalog, manifest.AnnexACoverageEnd!.Value);
        Assert.DoesNotContain(assessed, a => a.Source == "implied");

        AssertUnit(manifest.Realised.Partnership, assessed);
        AssertUnit(manifest.Realised.BySource.Single(u => u.Unit == "recorded"), assessed.Where(a => a.Source == "recorded"));
        AssertUnit(manifest.Realised.BySource.Single(u => u.Unit == "annex_a"), assessed.Where(a => a.Source == "annex_a"));
        foreach (var unit in manifest.Realised.ByLocality)
        {
            AssertUnit(unit, assessed.Where(a => a.Consultation.Locality == unit.Unit));
        }

        foreach (var unit in manifest.Realised.ByAgency)
        {
            AssertUnit(unit, assessed.Where(a => a.Consultation.Agency == unit.Unit));
        }

        Assert.Equal(run.Reference.LocalitiesFor(partnership).Count, manifest.Realised.ByLocality.Count);
        Assert.Equal(run.Reference.Agencies.Count, manifest.Realised.ByAgency.Count);
    }

    private static void AssertUnit(UnitAgreement expected, IEnumerable<Assessed> actual)
    {
        var matrix = new long[4][];
        for (var r = 0; r < 4; r++)
        {
            matrix[r] = new long[4];
        }

        foreach (var a in actual)
        {
            matrix[a.Recommended - 1][a.Actual - 1]++;
        }

        Assert.Equal(expected.Matrix.Select(r => r.ToArray()), matrix);
        Assert.Equal(expected.Assessable, matrix.Sum(r => r.Sum()));
        Assert.Equal(expected.SeriousUnder, matrix[3][0] + matrix[3][1]);
        Assert.Equal(expected.Over, Enumerable.Range(0, 4).Sum(r => matrix[r][(r + 1)..].Sum()));
        Assert.Equal(expected.Under, Enumerable.Range(0, 4).Sum(r => matrix[r][..r].Sum()));
        Assert.Equal(expected.Agree, Enumerable.Range(0, 4).Sum(r => matrix[r][r]));
    }
}
