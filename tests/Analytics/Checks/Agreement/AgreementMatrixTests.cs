using Warehouse.Analytics.Statistics;
using Warehouse.Analytics.Tests.TestSupport;
using static Warehouse.Analytics.Tests.TestSupport.TestPartnership;

namespace Warehouse.Analytics.Tests.Checks.Agreement;

/// <summary>The matrices are always 4×4, and the statistics stored are those of the matrix stored.</summary>
public sealed class AgreementMatrixTests(WarehouseFixture warehouse) : IClassFixture<WarehouseFixture>
{
    private const string Headline = "recommended_to_actual";

    [Fact]
    public void EveryMatrix_HasAllSixteenCells_EvenForAnEmptyGroupAndUnusedLevels()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-shape", localities: 3);
        p.Add(
            new ConsultationRow { Id = "m1", Date = Day("2026-10-01"), Locality = "L01", Recommended = 1, ActualRecorded = 2 },
            new ConsultationRow { Id = "m2", Date = Day("2026-10-02"), Locality = "L01", Recommended = 2, ActualRecorded = 2 });

        var results = p.Run("2026-10");

        foreach (var matrix in results.Matrices.GroupBy(m => (m.Comparison, m.Period, m.Grouping, m.GroupValue)))
        {
            Assert.Equal(16, matrix.Count());
            Assert.Equal(16, matrix.Select(m => (m.ReferenceLevel, m.ComparedLevel)).Distinct().Count());
            Assert.All(matrix, m => Assert.InRange(m.ReferenceLevel, 1, 4));
        }

        Assert.Equal(results.Agreement.Count * 16, results.Matrices.Count);
        var empty = results.Matrix(Headline, "locality", "L03");
        Assert.All(empty.Cast<long>(), count => Assert.Equal(0, count));
        var headline = results.Matrix(Headline);
        Assert.Equal(1, headline[0, 1]);
        Assert.Equal(1, headline[1, 1]);
    }

    [Fact]
    public void AnEmptyGroup_IsReportedWithNZeroAndNothingMadeUp()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-empty", localities: 3);
        p.Add(new ConsultationRow { Id = "e1", Date = Day("2026-10-01"), Locality = "L01", Recommended = 2, ActualRecorded = 2 });

        var results = p.Run("2026-10");

        var empty = results.Agreement(Headline, "locality", "L03");
        Assert.Equal(0, empty.Cases);
        Assert.Null(empty.Agreement);
        Assert.Null(empty.OverRate);
        Assert.Equal("not_available", empty.KappaStatus);
        Assert.Equal("not_available", empty.LinearKappaStatus);
        Assert.Null(empty.LinearKappa);
        Assert.True(empty.LowReliability);
        var measure = results.Measure("kappa_linear", "locality", "L03", Headline);
        Assert.Equal("not_available", measure.Status);
        Assert.Null(measure.Value);
    }

    [Fact]
    public void NoAssessableConsultationInTheMonth_NIsZeroAndTheFunnelSaysSo()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-zero");
        p.Add(
            new ConsultationRow { Id = "z1", Date = Day("2026-10-01"), Recommended = null, ActualRecorded = 2 },
            new ConsultationRow { Id = "z2", Date = Day("2026-10-02"), Recommended = null, ActualRecorded = 3 });

        var results = p.Run("2026-10");

        var headline = results.Agreement(Headline);
        Assert.Equal(0, headline.Cases);
        Assert.Null(headline.Agreement);
        Assert.Equal("not_available", headline.QuadraticKappaStatus);
        Assert.Equal(2, results.NotAssessable(Headline, Day("2026-10-01"))["no recommended level recorded"]);
        var funnel = Assert.Single(results.Funnels, f => f.Comparison == Headline && f.Measure == "over" && f.Grouping == "locality");
        Assert.Null(funnel.Target);
        Assert.Contains("no assessable cases", funnel.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void OneLevelOnly_KappaIsNotApplicable_NeverZero()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-one-level");
        p.Add(Enumerable.Range(1, 6).Select(i => new ConsultationRow { Id = $"o{i}", Date = Day("2026-10-03"), Recommended = 2, ActualRecorded = 2 }));

        var results = p.Run("2026-10");

        var headline = results.Agreement(Headline);
        Assert.Equal(6, headline.Cases);
        Assert.Equal(1.0, headline.Agreement);
        Assert.Equal("not_applicable", headline.KappaStatus);
        Assert.Equal("not_applicable", headline.LinearKappaStatus);
        Assert.Equal("not_applicable", headline.QuadraticKappaStatus);
        Assert.Null(headline.Kappa);
        Assert.Null(headline.LinearKappaZ);
        var measure = results.Measure("kappa_unweighted", comparison: Headline);
        Assert.Equal("not_applicable", measure.Status);
        Assert.Null(measure.Value);
    }

    [Fact]
    public void AllAgreementAcrossLevels_KappaIsOneAndNothingIsOverOrUnder()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-agree");
        p.Add(Enumerable.Range(0, 8).Select(i => new ConsultationRow { Id = $"a{i}", Date = Day("2026-10-03"), Recommended = (i % 4) + 1, ActualRecorded = (i % 4) + 1 }));

        var results = p.Run("2026-10");

        var headline = results.Agreement(Headline);
        Assert.Equal(1.0, headline.Agreement);
        Assert.Equal(1.0, headline.Kappa!.Value, 12);
        Assert.Equal(1.0, headline.LinearKappa!.Value, 12);
        Assert.Equal(1.0, headline.QuadraticKappa!.Value, 12);
        Assert.Equal(0, headline.OverCount);
        Assert.Equal(0, headline.UnderCount);
        Assert.Equal(0.0, headline.OverRate);
        Assert.Equal(0.0, headline.OverLower);
    }

    [Fact]
    public void StoredStatistics_AreThoseOfTheStoredMatrix()
    {
        var p = new TestPartnership(warehouse.Connection, "matrix-stats");
        int[][] pairs = [[1, 1], [1, 2], [2, 2], [2, 2], [2, 3], [3, 3], [3, 2], [3, 4], [4, 4], [4, 2], [4, 4], [2, 1], [1, 1], [3, 3]];
        p.Add(pairs.Select((pair, i) => new ConsultationRow { Id = $"s{i}", Date = Day("2026-10-03"), Recommended = pair[0], ActualRecorded = pair[1] }));

        var results = p.Run("2026-10", options: new() { MinimumCases = 15 });

        var expected = AgreementStatistics.Compute(new AgreementMatrix(results.Matrix(Headline)));
        var stored = results.Agreement(Headline);
        Assert.Equal(14, stored.Cases);
        Assert.Equal(8, stored.Agreements);
        Assert.True(stored.LowReliability);
        Assert.Equal(expected.Agreement.Proportion, stored.Agreement);
        Assert.Equal(expected.Agreement.Interval!.Value.Lower, stored.AgreementLower);
        Assert.Equal(expected.Linear.Kappa, stored.LinearKappa);
        Assert.Equal(expected.Linear.StandardError, stored.LinearKappaSe);
        Assert.Equal(expected.Linear.Z, stored.LinearKappaZ);
        Assert.Equal(expected.Quadratic.Interval!.Value.Upper, stored.QuadraticKappaUpper);
        Assert.Equal(expected.Unweighted.NullStandardError, stored.KappaNullSe);
        Assert.Equal(3, stored.OverCount);
        Assert.Equal(3, stored.UnderCount);
        Assert.Equal(1, stored.SeriousUnderCount);
        var over = results.Measure("over", comparison: Headline);
        Assert.Equal(3, over.Numerator);
        Assert.Equal(14, over.Denominator);
        Assert.Equal(WilsonScore.Estimate(3, 14).Interval!.Value.Upper, over.Upper);
    }
}
