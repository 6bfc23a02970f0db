using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Tests.Statistics;

public class CohenKappaTests
{
    // SAS PROC FREQ output for the 3×3 table "table10", quoted in statsmodels
    // statsmodels/stats/tests/test_inter_rater.py (classes UnweightedCohens and TestWeightedCohens).
    private static readonly AgreementMatrix SasTable10 = new(new long[,]
    {
        { 0, 4, 1 },
        { 0, 8, 0 },
        { 0, 1, 5 },
    });

    [Fact]
    public void Unweighted_MatchesSasOutput()
    {
        // Source: statsmodels test_inter_rater.py, UnweightedCohens: SAS "Simple Kappa Coefficient".
        // Kappa 0.4842, ASE 0.1380, 95% limits 0.2137–0.7547; ASE under H0 0.1484, Z 3.2626, two-sided p 0.0011.
        var kappa = CohenKappa.Estimate(SasTable10, KappaWeighting.Unweighted);

        Assert.Equal(EstimateStatus.Available, kappa.Status);
        Approx.Equal(0.4842, kappa.Kappa, 4);
        Approx.Equal(0.1380, kappa.StandardError, 4);
        Approx.Equal(0.2137, kappa.Interval!.Value.Lower, 4);
        Approx.Equal(0.7547, kappa.Interval!.Value.Upper, 4);
        Approx.Equal(0.1484, kappa.NullStandardError, 4);
        Approx.Equal(3.2626, kappa.Z, 4);
        Approx.Equal(0.0011, kappa.PValue, 4);
    }

    [Fact]
    public void Linear_MatchesSasCicchettiAllisonOutput()
    {
        // Source: statsmodels test_inter_rater.py, TestWeightedCohens (weights = [0, 1, 2], linear, i.e.
        // SAS's default Cicchetti–Allison weights): SAS "Weighted Kappa Coefficient".
        // Kappa 0.4701, ASE 0.1457, 95% limits 0.1845–0.7558; ASE under H0 0.1426, Z 3.2971, two-sided p 0.0010.
        var kappa = CohenKappa.Estimate(SasTable10, KappaWeighting.Linear);

        Approx.Equal(0.4701, kappa.Kappa, 4);
        Approx.Equal(0.1457, kappa.StandardError, 4);
        Approx.Equal(0.1845, kappa.Interval!.Value.Lower, 4);
        Approx.Equal(0.7558, kappa.Interval!.Value.Upper, 4);
        Approx.Equal(0.1426, kappa.NullStandardError, 4);
        Approx.Equal(3.2971, kappa.Z, 4);
        Approx.Equal(0.0010, kappa.PValue, 4);
    }

    // R irr::kappa2 on anxiety[, 2:3], quoted in statsmodels test_inter_rater.py, test_cohens_kappa_irr.
    // The data (irr's "anxiety", three raters of 20 subjects) as statsmodels stores it, column-major.
    private static readonly int[] Anxiety =
    [
        3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3, 3, 6, 4,
        6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4, 2, 1, 4, 4, 3, 2,
        1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2,
    ];

    private static AgreementMatrix AnxietyRaters2And3(int[] levels)
    {
        // Rater 2 is Anxiety[20..39], rater 3 is Anxiety[40..59]; levels maps a rating to its index.
        var pairs = Enumerable.Range(0, 20).Select(i => (Array.IndexOf(levels, Anxiety[20 + i]), Array.IndexOf(levels, Anxiety[40 + i])));
        return AgreementMatrix.FromPairs(levels.Length, pairs);
    }

    [Theory]
    // kappa2(anxiety[,2:3]): value -0.006289308, z -0.0604067, p 0.9518317.
    [InlineData(nameof(KappaWeighting.Unweighted), -0.006289308, -0.0604067, 0.9518317)]
    // kappa2(anxiety[,2:3], "equal"): value 0.1459075, z 1.282472, p 0.1996772.
    [InlineData(nameof(KappaWeighting.Linear), 0.1459075, 1.282472, 0.1996772)]
    // kappa2(anxiety[,2:3], "squared"): value 0.2520325, z 1.437451, p 0.1505898.
    [InlineData(nameof(KappaWeighting.Quadratic), 0.2520325, 1.437451, 0.1505898)]
    public void ObservedLevelsOnly_MatchesRIrrKappa2(string weightingName, double value, double z, double p)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        // irr drops the rating 5, which neither rater used: the statsmodels test rebuilds that 5×5 table.
        var matrix = AnxietyRaters2And3([1, 2, 3, 4, 6]);

        var kappa = CohenKappa.Estimate(matrix, weighting);

        Approx.Equal(value, kappa.Kappa, 6);
        Approx.Equal(z, kappa.Z, 5);
        Approx.Equal(p, kappa.PValue, 6);
    }

    [Fact]
    public void WeightedKappa_DependsOnKeepingUnusedLevels()
    {
        // METRICS.md: build the full matrix. The same ratings on the full 1–6 scale (level 5 empty) give a
        // different linear kappa from irr's reduced table, because the distances between levels change.
        var reduced = CohenKappa.Estimate(AnxietyRaters2And3([1, 2, 3, 4, 6]), KappaWeighting.Linear);
        var full = CohenKappa.Estimate(AnxietyRaters2And3([1, 2, 3, 4, 5, 6]), KappaWeighting.Linear);
        var unweightedReduced = CohenKappa.Estimate(AnxietyRaters2And3([1, 2, 3, 4, 6]), KappaWeighting.Unweighted);
        var unweightedFull = CohenKappa.Estimate(AnxietyRaters2And3([1, 2, 3, 4, 5, 6]), KappaWeighting.Unweighted);

        Assert.True(Math.Abs(full.Kappa!.Value - reduced.Kappa!.Value) > 0.01);
        Approx.Within(unweightedReduced.Kappa!.Value, unweightedFull.Kappa, 1e-12);
    }

    // scikit-learn sklearn/metrics/tests/test_classification.py, test_cohen_kappa.
    [Fact]
    public void Unweighted_MatchesScikitLearnBinaryExample()
    {
        // y1 = [0]*40 + [1]*60; y2 = [0]*20 + [1]*20 + [0]*10 + [1]*50 → kappa 0.348 (3 dp).
        var matrix = new AgreementMatrix(new long[,] { { 20, 20 }, { 10, 50 } });

        Approx.Equal(0.348, CohenKappa.Estimate(matrix, KappaWeighting.Unweighted).Kappa, 3);
    }

    [Fact]
    public void Unweighted_MatchesScikitLearnArtsteinPoesioTable4()
    {
        // y1 = [0]*46 + [1]*44 + [2]*10; y2 = [0]*52 + [1]*32 + [2]*16 → 0.8013.
        var matrix = FromLabelRuns(3, [(0, 46), (1, 44), (2, 10)], [(0, 52), (1, 32), (2, 16)]);

        Approx.Equal(0.8013, CohenKappa.Estimate(matrix, KappaWeighting.Unweighted).Kappa, 4);
    }

    [Theory]
    // y1 = [0]*46 + [1]*44 + [2]*10; y2 = [0]*50 + [1]*40 + [2]*10 → none 0.9315, linear 0.9412, quadratic 0.9541.
    [InlineData(nameof(KappaWeighting.Unweighted), 0.9315)]
    [InlineData(nameof(KappaWeighting.Linear), 0.9412)]
    [InlineData(nameof(KappaWeighting.Quadratic), 0.9541)]
    public void Weighted_MatchesScikitLearnWeightingExample(string weightingName, double expected)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        var matrix = FromLabelRuns(3, [(0, 46), (1, 44), (2, 10)], [(0, 50), (1, 40), (2, 10)]);

        Approx.Equal(expected, CohenKappa.Estimate(matrix, weighting).Kappa, 4);
    }

    [Fact]
    public void CustomWeights_FleissCohenEverittExample()
    {
        // Data and similarity weights: the Fleiss, Cohen & Everitt (1969) example in the R psych
        // cohen.kappa help page (cran/psych man/kappa.Rd). Expected values derived by hand:
        // margins rows (.60, .30, .10), columns (.65, .25, .10); unweighted Po = .70, Pe = .475, kappa = 3/7;
        // weighted Po = .70 + .4444(.03) + .6667(.11) = .786669, Pe = .475 + .4444(.125) + .6667(.055) = .5672185,
        // kappa_w = .2194505 / .4327815 = 0.5071.
        var matrix = new AgreementMatrix(new long[,]
        {
            { 106, 10, 4 },
            { 22, 28, 10 },
            { 2, 12, 6 },
        });
        var weights = new double[,]
        {
            { 1.0000, 0.0000, 0.4444 },
            { 0.0000, 1.0000, 0.6667 },
            { 0.4444, 0.6667, 1.0000 },
        };

        var unweighted = CohenKappa.Estimate(matrix, KappaWeighting.Unweighted);
        var weighted = CohenKappa.Estimate(matrix, weights);

        Approx.Within(3.0 / 7, unweighted.Kappa, 1e-12);
        Approx.Within(0.786669, weighted.ObservedAgreement, 1e-9);
        Approx.Within(0.5672185, weighted.ExpectedAgreement, 1e-9);
        Approx.Equal(0.5071, weighted.Kappa, 4);
        Assert.Equal(KappaWeighting.Custom, weighted.Weighting);
    }

    // SAS PROC FREQ "Getting Started: Agreement Study" skin-condition data (two dermatologists, four
    // ordered levels): a full 4×4 matrix for the checks below.
    private static readonly AgreementMatrix SkinCondition = new(new long[,]
    {
        { 10, 4, 1, 0 },
        { 5, 10, 12, 2 },
        { 2, 4, 12, 5 },
        { 0, 2, 6, 13 },
    });

    [Theory]
    [InlineData(nameof(KappaWeighting.Unweighted))]
    [InlineData(nameof(KappaWeighting.Linear))]
    [InlineData(nameof(KappaWeighting.Quadratic))]
    public void StandardErrors_EqualTheMultinomialDeltaMethod(string weightingName)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        // The Fleiss–Cohen–Everitt variance is the delta-method variance of kappa under multinomial
        // sampling: Var = (Σ p g² − (Σ p g)²) / N with g = ∂kappa/∂p. Recompute it by finite differences,
        // independently of the closed form; and the null variance the same way at the independence table.
        var weights = CohenKappa.Weights(4, weighting);
        var kappa = CohenKappa.Estimate(SkinCondition, weighting);
        double n = SkinCondition.Total;
        var p = Proportions(SkinCondition);

        Approx.Within(DeltaMethodStandardError(p, weights, n), kappa.StandardError, 1e-7);

        var independence = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                independence[i, j] = SkinCondition.RowTotal(i) / n * (SkinCondition.ColumnTotal(j) / n);
            }
        }

        Approx.Within(DeltaMethodStandardError(independence, weights, n), kappa.NullStandardError, 1e-7);
    }

    [Fact]
    public void UnweightedStandardErrors_EqualTheSeparateSimpleKappaFormulas()
    {
        // SAS documents simple kappa with its own formulas (Fleiss, Cohen & Everitt 1969):
        // Var = [Σ p_ii (1 − (p_i. + p_.i)(1 − k))² + (1 − k)² Σ_{i≠j} p_ij (p_.i + p_j.)² − (k − Pe(1 − k))²] / ((1 − Pe)² N)
        // Var0 = [Pe + Pe² − Σ p_i. p_.i (p_i. + p_.i)] / ((1 − Pe)² N).
        var kappa = CohenKappa.Estimate(SkinCondition, KappaWeighting.Unweighted);
        double n = SkinCondition.Total;
        var p = Proportions(SkinCondition);
        var row = Enumerable.Range(0, 4).Select(i => SkinCondition.RowTotal(i) / n).ToArray();
        var column = Enumerable.Range(0, 4).Select(j => SkinCondition.ColumnTotal(j) / n).ToArray();
        double k = kappa.Kappa!.Value;
        double pe = kappa.ExpectedAgreement!.Value;

        double a = 0;
        double b = 0;
        double c = 0;
        for (int i = 0; i < 4; i++)
        {
            a += p[i, i] * Math.Pow(1 - ((row[i] + column[i]) * (1 - k)), 2);
            c += row[i] * column[i] * (row[i] + column[i]);
            for (int j = 0; j < 4; j++)
            {
                if (i != j)
                {
                    b += p[i, j] * Math.Pow(column[i] + row[j], 2);
                }
            }
        }

        double variance = (a + (Math.Pow(1 - k, 2) * b) - Math.Pow(k - (pe * (1 - k)), 2)) / (Math.Pow(1 - pe, 2) * n);
        double varianceNull = (pe + (pe * pe) - c) / (Math.Pow(1 - pe, 2) * n);

        Approx.Within(Math.Sqrt(variance), kappa.StandardError, 1e-12);
        Approx.Within(Math.Sqrt(varianceNull), kappa.NullStandardError, 1e-12);
    }

    [Fact]
    public void Weights_AreTheStandardSimilarities()
    {
        var linear = CohenKappa.Weights(4, KappaWeighting.Linear);
        var quadratic = CohenKappa.Weights(4, KappaWeighting.Quadratic);

        Assert.Equal(2.0 / 3, linear[0, 1], 14);
        Assert.Equal(0.0, linear[0, 3], 14);
        Assert.Equal(8.0 / 9, quadratic[1, 2], 14);
        Assert.Equal(5.0 / 9, quadratic[0, 2], 14);
        Assert.Equal(1.0, quadratic[3, 3], 14);
    }

    [Theory]
    [InlineData(nameof(KappaWeighting.Unweighted))]
    [InlineData(nameof(KappaWeighting.Linear))]
    [InlineData(nameof(KappaWeighting.Quadratic))]
    public void NoCases_IsNotAvailable(string weightingName)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        var kappa = CohenKappa.Estimate(AgreementMatrix.Empty(4), weighting);

        Assert.Equal(EstimateStatus.NotAvailable, kappa.Status);
        Assert.Equal(0, kappa.Cases);
        Assert.Null(kappa.Kappa);
        Assert.Null(kappa.StandardError);
        Assert.Null(kappa.Z);
    }

    [Theory]
    [InlineData(nameof(KappaWeighting.Unweighted))]
    [InlineData(nameof(KappaWeighting.Linear))]
    [InlineData(nameof(KappaWeighting.Quadratic))]
    public void OneLevelOnly_IsNotApplicableRatherThanZeroOrNaN(string weightingName)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        // Every pair at level 3 in both views: Pe = 1 and kappa is 0/0.
        var counts = new long[4, 4];
        counts[2, 2] = 37;

        var kappa = CohenKappa.Estimate(new AgreementMatrix(counts), weighting);

        Assert.Equal(EstimateStatus.NotApplicable, kappa.Status);
        Assert.Equal(1.0, kappa.ExpectedAgreement);
        Assert.Null(kappa.Kappa);
        Assert.Null(kappa.Interval);
    }

    [Fact]
    public void SingleLevelScale_IsNotApplicable()
    {
        var kappa = CohenKappa.Estimate(new AgreementMatrix(new long[,] { { 12 } }), KappaWeighting.Linear);

        Assert.Equal(EstimateStatus.NotApplicable, kappa.Status);
    }

    [Theory]
    [InlineData(nameof(KappaWeighting.Unweighted))]
    [InlineData(nameof(KappaWeighting.Linear))]
    [InlineData(nameof(KappaWeighting.Quadratic))]
    public void AllAgreement_IsOneWithZeroStandardError(string weightingName)
    {
        var weighting = Enum.Parse<KappaWeighting>(weightingName);
        var counts = new long[4, 4];
        counts[0, 0] = 5;
        counts[1, 1] = 6;
        counts[2, 2] = 7;
        counts[3, 3] = 8;

        var kappa = CohenKappa.Estimate(new AgreementMatrix(counts), weighting);

        Approx.Within(1.0, kappa.Kappa, 1e-12);
        Approx.Within(0.0, kappa.StandardError, 1e-7);
        Assert.True(kappa.Z > 0);
    }

    [Fact]
    public void ComparedViewAtOneLevel_KappaIsZeroAndHasNoTest()
    {
        // The compared view puts every pair at level 2 while the reference varies: Po = Pe, kappa = 0,
        // and the null standard error is 0, so there is no z statistic (null, not infinity or NaN).
        var counts = new long[4, 4];
        counts[0, 1] = 3;
        counts[1, 1] = 9;
        counts[2, 1] = 6;
        counts[3, 1] = 2;

        var kappa = CohenKappa.Estimate(new AgreementMatrix(counts), KappaWeighting.Linear);

        Assert.Equal(EstimateStatus.Available, kappa.Status);
        Approx.Within(0.0, kappa.Kappa, 1e-12);
        Approx.Within(0.0, kappa.NullStandardError, 1e-7);
        Assert.Null(kappa.Z);
    }

    [Fact]
    public void EmptyTopLevel_IsHarmlessButAnEmptyMiddleLevelIsNot()
    {
        // Nobody at the top level in either view. Kappa is invariant to rescaling the disagreement
        // weights, so an empty level at the end of the scale leaves it unchanged; an empty level in the
        // middle changes the distances between the others and so the weighted kappa (the anxiety case
        // above). Either way the matrix keeps all its levels and kappa is defined.
        var withEmptyTop = new AgreementMatrix(new long[,]
        {
            { 8, 2, 0, 0 },
            { 1, 9, 3, 0 },
            { 0, 2, 7, 0 },
            { 0, 0, 0, 0 },
        });
        var withoutIt = new AgreementMatrix(new long[,]
        {
            { 8, 2, 0 },
            { 1, 9, 3 },
            { 0, 2, 7 },
        });
        var withEmptyMiddle = new AgreementMatrix(new long[,]
        {
            { 8, 0, 2, 0 },
            { 0, 0, 0, 0 },
            { 1, 0, 9, 3 },
            { 0, 0, 2, 7 },
        });

        var top = CohenKappa.Estimate(withEmptyTop, KappaWeighting.Linear);
        var dropped = CohenKappa.Estimate(withoutIt, KappaWeighting.Linear);
        var middle = CohenKappa.Estimate(withEmptyMiddle, KappaWeighting.Linear);

        Assert.Equal(EstimateStatus.Available, top.Status);
        Approx.Within(dropped.Kappa!.Value, top.Kappa, 1e-12);
        Approx.Within(dropped.StandardError!.Value, top.StandardError, 1e-12);
        Assert.True(Math.Abs(middle.Kappa!.Value - dropped.Kappa.Value) > 0.01);
    }

    [Fact]
    public void CustomWeighting_WithoutWeights_Throws()
    {
        Assert.Throws<ArgumentException>(() => CohenKappa.Estimate(SkinCondition, KappaWeighting.Custom));
    }

    private static AgreementMatrix FromLabelRuns(int levels, (int Label, int Count)[] reference, (int Label, int Count)[] compared)
    {
        var first = reference.SelectMany(r => Enumerable.Repeat(r.Label, r.Count)).ToList();
        var second = compared.SelectMany(r => Enumerable.Repeat(r.Label, r.Count)).ToList();
        return AgreementMatrix.FromPairs(levels, first.Zip(second));
    }

    private static double[,] Proportions(AgreementMatrix matrix)
    {
        var p = new double[matrix.Levels, matrix.Levels];
        for (int i = 0; i < matrix.Levels; i++)
        {
            for (int j = 0; j < matrix.Levels; j++)
            {
                p[i, j] = matrix[i, j] / (double)matrix.Total;
            }
        }

        return p;
    }

    /// <summary>Kappa as a function of cell proportions (margins taken from the same proportions).</summary>
    private static double KappaOf(double[,] p, double[,] w)
    {
        int k = p.GetLength(0);
        double total = 0;
        var row = new double[k];
        var column = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                total += p[i, j];
                row[i] += p[i, j];
                column[j] += p[i, j];
            }
        }

        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                observed += w[i, j] * p[i, j] / total;
                expected += w[i, j] * row[i] * column[j] / (total * total);
            }
        }

        return (observed - expected) / (1 - expected);
    }

    private static double DeltaMethodStandardError(double[,] p, double[,] w, double n)
    {
        int k = p.GetLength(0);
        const double h = 1e-6;
        var gradient = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                var up = (double[,])p.Clone();
                var down = (double[,])p.Clone();
                up[i, j] += h;
                down[i, j] -= h;
                gradient[i, j] = (KappaOf(up, w) - KappaOf(down, w)) / (2 * h);
            }
        }

        double mean = 0;
        double square = 0;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                mean += p[i, j] * gradient[i, j];
                square += p[i, j] * gradient[i, j] * gradient[i, j];
            }
        }

        return Math.Sqrt((square - (mean * mean)) / n);
    }
}
