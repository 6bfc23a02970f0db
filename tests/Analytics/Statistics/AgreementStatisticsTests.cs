using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Statistics;

public class AgreementStatisticsTests
{
    // Rows: reference view, columns: compared view, levels 1–4 as indices 0–3.
    // The SAS PROC FREQ "Agreement Study" skin-condition counts, read as a reference → compared matrix.
    private static readonly AgreementMatrix Matrix = new(new long[,]
    {
        { 10, 4, 1, 0 },
        { 5, 10, 12, 2 },
        { 2, 4, 12, 5 },
        { 0, 2, 6, 13 },
    });

    [Fact]
    public void Compute_CountsAgreementOverUnderAndSeriousUnder()
    {
        var result = AgreementStatistics.Compute(Matrix);

        Assert.Equal(88, result.Cases);
        Assert.Equal(45, result.Agreement.Count);
        Assert.Equal(24, result.Over.Count);   // above the diagonal: 4+1+0 + 12+2 + 5
        Assert.Equal(19, result.Under.Count);  // below: 5 + 2+4 + 0+2+6
        Assert.Equal(2, result.SeriousUnder!.Count);  // reference top level, compared at level 1 or 2: 0 + 2
        Assert.Equal(21, result.TopLevelReferenceCount);
        Assert.Equal(88, result.SeriousUnder.Total);
        Assert.Equal(21, result.SeriousUnderAmongTopLevel!.Total);
        Assert.Equal(result.Cases, result.Agreement.Count + result.Over.Count + result.Under.Count);
    }

    [Fact]
    public void Compute_RatesCarryWilsonIntervals()
    {
        var result = AgreementStatistics.Compute(Matrix);

        Assert.Equal(WilsonScore.Estimate(45, 88), result.Agreement);
        Assert.Equal(WilsonScore.Estimate(24, 88), result.Over);
        Assert.Equal(WilsonScore.Estimate(19, 88), result.Under);
        Assert.Equal(WilsonScore.Estimate(2, 88), result.SeriousUnder);
        Assert.Equal(WilsonScore.Estimate(2, 21), result.SeriousUnderAmongTopLevel);
    }

    [Fact]
    public void Compute_ReportsAllThreeKappas()
    {
        var result = AgreementStatistics.Compute(Matrix);

        Assert.Equal(KappaWeighting.Unweighted, result.Unweighted.Weighting);
        Assert.Equal(KappaWeighting.Linear, result.Linear.Weighting);
        Assert.Equal(KappaWeighting.Quadratic, result.Quadratic.Weighting);
        Assert.Equal(CohenKappa.Estimate(Matrix, KappaWeighting.Linear), result.Linear);

        // Near disagreements dominate this table, so more partial credit means a larger kappa.
        Assert.True(result.Unweighted.Kappa < result.Linear.Kappa);
        Assert.True(result.Linear.Kappa < result.Quadratic.Kappa);
    }

    [Fact]
    public void Compute_NoPairs_EverythingNotAvailable()
    {
        var result = AgreementStatistics.Compute(AgreementMatrix.Empty(4));

        Assert.False(result.Agreement.IsAvailable);
        Assert.False(result.Over.IsAvailable);
        Assert.False(result.Under.IsAvailable);
        Assert.False(result.SeriousUnder!.IsAvailable);
        Assert.False(result.SeriousUnderAmongTopLevel!.IsAvailable);
        Assert.Equal(EstimateStatus.NotAvailable, result.Linear.Status);
    }

    [Fact]
    public void Compute_NobodyAtTopLevel_SeriousUnderAmongTopLevelNotAvailable()
    {
        var result = AgreementStatistics.Compute(new AgreementMatrix(new long[,]
        {
            { 8, 2, 0, 0 },
            { 1, 9, 3, 0 },
            { 0, 2, 7, 0 },
            { 0, 0, 0, 0 },
        }));

        Assert.Equal(0, result.SeriousUnder!.Count);
        Assert.True(result.SeriousUnder.IsAvailable);
        Assert.False(result.SeriousUnderAmongTopLevel!.IsAvailable);
        Assert.Equal(EstimateStatus.Available, result.Linear.Status);
    }

    [Fact]
    public void Compute_OneLevelOnly_KappasNotApplicableAgreementComplete()
    {
        var counts = new long[4, 4];
        counts[1, 1] = 25;

        var result = AgreementStatistics.Compute(new AgreementMatrix(counts));

        Assert.Equal(1.0, result.Agreement.Proportion);
        Assert.Equal(EstimateStatus.NotApplicable, result.Unweighted.Status);
        Assert.Equal(EstimateStatus.NotApplicable, result.Linear.Status);
        Assert.Equal(EstimateStatus.NotApplicable, result.Quadratic.Status);
    }

    [Fact]
    public void Compute_TwoLevels_SeriousUnderDoesNotApply()
    {
        var result = AgreementStatistics.Compute(new AgreementMatrix(new long[,] { { 5, 3 }, { 2, 9 } }));

        Assert.Null(result.SeriousUnder);
        Assert.Null(result.SeriousUnderAmongTopLevel);
        Assert.Equal(2, result.Under.Count);
    }

    [Fact]
    public void AgreementMatrix_RejectsNonSquareAndNegativeCounts()
    {
        Assert.Throws<ArgumentException>(() => new AgreementMatrix(new long[2, 3]));
        Assert.Throws<ArgumentException>(() => new AgreementMatrix(new long[,] { { 1, -1 }, { 0, 2 } }));
    }
}
