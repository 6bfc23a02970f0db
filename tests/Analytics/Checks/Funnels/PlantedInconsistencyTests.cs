using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Funnels;

/// <summary>
/// The analytics-level proof that the checks find what they are for. Seeded random consultations
/// (new Random(20261122)) in 12 localities and 15 agencies share one set of recommended → actual
/// response probabilities, except that locality L07 over-responds (an extra 30% of its
/// consultations get one level more than the shared probabilities give) and agency A11
/// under-responds (an extra 30% get one level less); 40 serious under-responses (recommended at
/// the top level, level 1 or 2 provided) are planted at random. The checks must flag exactly L07
/// above on the locality funnel of over-response and exactly A11 above on the agency funnel of
/// under-response, and list every planted serious under-response as an exception.
/// </summary>
public sealed class PlantedInconsistencyTests(PlantedInconsistencyTests.Data data) : IClassFixture<PlantedInconsistencyTests.Data>
{
    private const string Headline = "recommended_to_actual";

    [Fact]
    public void OnlyThePlantedLocality_IsAboveOnTheOverResponseFunnel()
    {
        var points = Points("over", "locality");
        Assert.Equal(12, points.Count);
        Assert.Equal(["L07"], points.Where(p => p.Flag == "above").Select(p => p.Unit));
        Assert.Equal(["L07"], points.Where(p => p.Flag is "above" or "below").Select(p => p.Unit));
    }

    [Fact]
    public void OnlyThePlantedAgency_IsAboveOnTheUnderResponseFunnel()
    {
        var points = Points("under", "caller_agency");
        Assert.Equal(15, points.Count);
        Assert.Equal(["A11"], points.Where(p => p.Flag == "above").Select(p => p.Unit));
        Assert.Equal(["A11"], points.Where(p => p.Flag is "above" or "below").Select(p => p.Unit));
    }

    [Fact]
    public void NoUnitIsAboveOnTheOtherMeasure()
    {
        Assert.DoesNotContain(Points("under", "locality"), p => p.Flag == "above");
        Assert.DoesNotContain(Points("over", "caller_agency"), p => p.Flag == "above");
    }

    [Fact]
    public void TheFunnelsWereTestedForOverdispersion_AndTheirFlagsReachTheMeasures()
    {
        var funnel = Assert.Single(data.Results.Funnels, f => f.Comparison == Headline && f.Measure == "over" && f.Grouping == "locality");
        Assert.True(funnel.OverdispersionTested);
        Assert.Equal(data.Results.Agreement(Headline).OverRate, funnel.Target);
        Assert.Equal("above", data.Results.Measure("over", "locality", "L07", Headline).Flag);
        Assert.Equal("above", data.Results.Measure("under", "caller_agency", "A11", Headline).Flag);
        Assert.All(data.Results.Measures.Where(m => m.Grouping == "locality" && m.Comparison == Headline && m.Measure == "over"), m => Assert.NotNull(m.Flag));
    }

    [Fact]
    public void EveryPlantedSeriousUnderResponse_IsAnException()
    {
        var exceptions = data.Results.ExceptionIds("serious_under_response");
        Assert.Equal(40, data.Planted.Count);
        Assert.Subset(exceptions, data.Planted.ToHashSet());
        // And the exceptions are exactly the serious under-responses the matrix counts.
        var matrix = data.Results.Matrix(Headline);
        Assert.Equal(matrix[3, 0] + matrix[3, 1], exceptions.Count);
        Assert.Equal(exceptions.Count, data.Results.Agreement(Headline).SeriousUnderCount);
    }

    private List<Warehouse.Analytics.Checks.Funnels.FunnelPointRow> Points(string measure, string grouping) =>
        data.Results.FunnelPoints.Where(p => p.Comparison == Headline && p.Measure == measure && p.Grouping == grouping).ToList();

    public sealed class Data : IDisposable
    {
        private const int Consultations = 14_000;

        // P(actual level | recommended level), rows: recommended 1..4; columns: actual 1..4.
        private static readonly double[][] Response =
        [
            [0.85, 0.10, 0.04, 0.01],
            [0.08, 0.80, 0.10, 0.02],
            [0.02, 0.10, 0.80, 0.08],
            [0.00, 0.03, 0.12, 0.85],
        ];

        private static readonly double[] RecommendedMix = [0.20, 0.35, 0.30, 0.15];

        private readonly WarehouseFixture warehouse = new();

        public Data()
        {
            var random = new Random(20261122);
            var p = new TestPartnership(warehouse.Connection, "planted", localities: 12, agencies: 15);
            var rows = new List<ConsultationRow>(Consultations);
            for (int i = 0; i < Consultations; i++)
            {
                var locality = Locality(random.Next(1, 13));
                var agency = Agency(random.Next(1, 16));
                int recommended = Draw(random, RecommendedMix) + 1;
                int actual = Draw(random, Response[recommended - 1]) + 1;
                if (locality == "L07" && random.NextDouble() < 0.30)
                {
                    actual = Math.Min(4, actual + 1);
                }

                if (agency == "A11" && random.NextDouble() < 0.30)
                {
                    actual = Math.Max(1, actual - 1);
                }

                rows.Add(new ConsultationRow
                {
                    Id = $"p{i:00000}",
                    Date = Day("2026-10-01").AddDays(random.Next(0, 31)),
                    Locality = locality,
                    Agency = agency,
                    Recommended = recommended,
                    ActualRecorded = actual,
                });
            }

            var planted = new HashSet<int>();
            while (planted.Count < 40)
            {
                planted.Add(random.Next(Consultations));
            }

            foreach (int i in planted)
            {
                rows[i] = rows[i] with { Recommended = 4, ActualRecorded = random.Next(1, 3) };
            }

            p.Add(rows);
            Planted = planted.Select(i => rows[i].Id).ToList();
            Results = p.Run("2026-10");
        }

        public CheckRunResults Results { get; }

        public IReadOnlyList<string> Planted { get; }

        public void Dispose() => warehouse.Dispose();

        private static int Draw(Random random, double[] probabilities)
        {
            double u = random.NextDouble();
            double cumulative = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                cumulative += probabilities[i];
                if (u < cumulative)
                {
                    return i;
                }
            }

            return probabilities.Length - 1;
        }
    }
}
