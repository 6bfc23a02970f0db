using System.Globalization;
using Warehouse.Synthetic.Tests.TestSupport;

namespace Warehouse.Synthetic.Tests.Generation;

/// <summary>What is planted is in the manifest, and it shows in the data, computed from the files themselves.</summary>
[Collection(GeneratedRunGroup.Name)]
public sealed class PlantedInconsistencyTests(GeneratedRun run)
{
    public static TheoryData<string> Partnerships => ["warwickshire", "worcestershire"];

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void The_planted_items_are_named_in_the_manifest(string partnership)
    {
        var manifest = run.Manifest(partnership);
        Assert.Contains(run.Reference.LocalitiesFor(partnership), l => l.Code == manifest.Planted.OverResponseLocality);
        Assert.Contains(run.Reference.Agencies, a => a.Code == manifest.Planted.UnderResponseAgency);
        Assert.InRange(manifest.Planted.SeriousUnderResponses.Count, 4, 40);
        Assert.NotNull(manifest.TransitionMatrices.OverResponseLocality);
        Assert.NotNull(manifest.TransitionMatrices.UnderResponseAgency);
        Assert.All(manifest.TransitionMatrices.Common, row => Assert.Equal(4, row.Count));
        Assert.Equal([0.0, 0.0], manifest.TransitionMatrices.Common[3].Take(2));
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void The_planted_locality_gets_more_support_than_recommended(string partnership)
    {
        var planted = run.Manifest(partnership).Planted.OverResponseLocality;
        var assessed = Assessed.All(run.Source(partnership), run.Catalog, run.Manifest(partnership).AnnexACoverageEnd!.Value);
        var mine = assessed.Where(a => a.Consultation.Locality == planted).ToList();
        var others = assessed.Where(a => a.Consultation.Locality != planted).ToList();
        var rate = (double)mine.Count(a => a.Over) / mine.Count;
        var rest = (double)others.Count(a => a.Over) / others.Count;
        var z = Assessed.Z(mine.Count(a => a.Over), mine.Count, others.Count(a => a.Over), others.Count);
        Assert.True(rate > rest + 0.08 && z > 4, $"{planted}: {rate:P1} over-response against {rest:P1} elsewhere (z = {z:F1})");
        foreach (var locality in others.GroupBy(a => a.Consultation.Locality))
        {
            var theirs = (double)locality.Count(a => a.Over) / locality.Count();
            Assert.True(rate > theirs, $"{planted} {rate:P1} is not above {locality.Key} {theirs:P1}");
        }

        // The same from the recorded actual levels alone (actual_level as written in the files).
        var recorded = assessed.Where(a => a.Source == "recorded").ToList();
        Assert.True(
            Assessed.Z(recorded.Count(a => a.Over && a.Consultation.Locality == planted), recorded.Count(a => a.Consultation.Locality == planted), recorded.Count(a => a.Over && a.Consultation.Locality != planted), recorded.Count(a => a.Consultation.Locality != planted)) > 3);
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void The_planted_agency_gets_less_support_than_recommended(string partnership)
    {
        var planted = run.Manifest(partnership).Planted.UnderResponseAgency;
        var assessed = Assessed.All(run.Source(partnership), run.Catalog, run.Manifest(partnership).AnnexACoverageEnd!.Value);
        var mine = assessed.Where(a => a.Consultation.Agency == planted).ToList();
        var others = assessed.Where(a => a.Consultation.Agency != planted).ToList();
        var z = Assessed.Z(mine.Count(a => a.Under), mine.Count, others.Count(a => a.Under), others.Count);
        var rate = (double)mine.Count(a => a.Under) / mine.Count;
        var rest = (double)others.Count(a => a.Under) / others.Count;
        Assert.True(rate > rest * 1.8 && z > 4, $"{planted}: {rate:P1} under-response against {rest:P1} elsewhere (z = {z:F1}, n = {mine.Count})");
    }

    [Theory]
    [MemberData(nameof(Partnerships))]
    public void The_serious_under_responses_in_the_data_are_exactly_the_planted_ones(string partnership)
    {
        var manifest = run.Manifest(partnership);
        var found = Assessed.All(run.Source(partnership), run.Catalog, manifest.AnnexACoverageEnd!.Value)
            .Where(a => a.SeriousUnder)
            .Select(a => a.Consultation.Id)
            .Order(StringComparer.Ordinal);
        Assert.Equal(manifest.Planted.SeriousUnderResponses.Order(StringComparer.Ordinal), found);
        Assert.Equal(manifest.Planted.SeriousUnderResponses.Count, manifest.Realised.Partnership.SeriousUnder);

        var key = run.AnswerKey(partnership, out var table);
        Assert.All(manifest.Planted.SeriousUnderResponses, id => Assert.Equal("serious_under_response", key[id][table.Column("planted")]));
    }

    [Fact]
    public void Without_planting_every_locality_and_agency_shares_the_same_response()
    {
        using var temp = new TempFolder();
        var data = SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 99,
            OutputFolder = temp.Sub("inbox"),
            AnswerKeyFolder = temp.Sub("answers"),
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 1, 1),
            Months = 6,
            ConsultationsPerPartnership = 8_000,
            PlantInconsistencies = false,
        });
        var manifest = Assert.Single(data.Manifest.Partnerships);
        Assert.Null(manifest.Planted.OverResponseLocality);
        Assert.Null(manifest.Planted.UnderResponseAgency);
        Assert.Empty(manifest.Planted.SeriousUnderResponses);
        Assert.Null(manifest.TransitionMatrices.OverResponseLocality);

        var catalog = Frameworks.FrameworkCatalog.LoadEmbedded();
        var assessed = Assessed.All(SourceData.Load(Path.Combine(data.OutputFolder, "warwickshire"), "warwickshire", catalog), catalog, manifest.AnnexACoverageEnd!.Value);
        Assert.DoesNotContain(assessed, a => a.SeriousUnder);
        foreach (var units in new[] { assessed.GroupBy(a => a.Consultation.Locality), assessed.GroupBy(a => a.Consultation.Agency) })
        {
            foreach (var unit in units.Where(u => u.Count() >= 150))
            {
                var rest = assessed.Where(a => !unit.Contains(a)).ToList();
                var over = Assessed.Z(unit.Count(a => a.Over), unit.Count(), rest.Count(a => a.Over), rest.Count);
                var under = Assessed.Z(unit.Count(a => a.Under), unit.Count(), rest.Count(a => a.Under), rest.Count);
                Assert.True(Math.Abs(over) < 3.5 && Math.Abs(under) < 3.5, string.Create(CultureInfo.InvariantCulture, $"{unit.Key}: over z {over:F1}, under z {under:F1}"));
            }
        }
    }
}
