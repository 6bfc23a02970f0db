namespace Warehouse.Analytics.Statistics;

/// <summary>Agreement weights for Cohen's kappa (Cohen 1968), written as similarities w(i, j) with w(i, i) = 1.</summary>
internal enum KappaWeighting
{
    /// <summary>Cohen's (1960) kappa: w = 1 on the diagonal, 0 elsewhere.</summary>
    Unweighted,

    /// <summary>Linear (Cicchetti–Allison, SAS <c>WT=CA</c>, vcd "Equal-Spacing"): w = 1 − |i − j| / (k − 1). The headline.</summary>
    Linear,

    /// <summary>Quadratic (Fleiss–Cohen, SAS <c>WT=FC</c>): w = 1 − (i − j)² / (k − 1)².</summary>
    Quadratic,

    /// <summary>A caller-supplied similarity matrix (e.g. the Fleiss, Cohen &amp; Everitt 1969 example).</summary>
    Custom,
}
