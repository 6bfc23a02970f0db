namespace Warehouse.Analytics.Statistics;

/// <summary>Whether a statistic could be estimated; maps onto the GSS symbols in the packs.</summary>
internal enum EstimateStatus
{
    /// <summary>Estimated; the value fields are set.</summary>
    Available,

    /// <summary>Mathematically undefined for these data (e.g. kappa when expected agreement is 1): <c>[z]</c>.</summary>
    NotApplicable,

    /// <summary>No cases to estimate from (N = 0): <c>[x]</c>.</summary>
    NotAvailable,
}
