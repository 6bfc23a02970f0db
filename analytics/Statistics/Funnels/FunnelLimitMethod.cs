namespace Warehouse.Analytics.Statistics;

/// <summary>How a set of control limits was computed.</summary>
internal enum FunnelLimitMethod
{
    /// <summary>Interpolated binomial quantiles (Spiegelhalter 2005, appendix A.1.1).</summary>
    ExactBinomial,

    /// <summary>θ ± z·√(θ(1 − θ)/n).</summary>
    Normal,

    /// <summary>θ ± z·√(θ(1 − θ)/n + τ²): the additive random-effects widening for overdispersion.</summary>
    NormalRandomEffects,

    /// <summary>The target is 0 or 1, so every unit is expected to equal it: the limits collapse onto the target.</summary>
    Degenerate,
}
