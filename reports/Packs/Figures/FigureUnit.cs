namespace Warehouse.Reports.Packs.Figures;

/// <summary>What a published figure measures, which decides its rounding and number format.</summary>
internal enum FigureUnit
{
    /// <summary>A count: never rounded, <c>[c]</c> from 1 to the threshold.</summary>
    Count,

    /// <summary>A percentage to one decimal place (numerator / denominator × 100).</summary>
    Percent,

    /// <summary>A rate per 10,000 children aged 0–17, one decimal place.</summary>
    Per10000,

    /// <summary>Linear-weighted kappa, two decimal places.</summary>
    Kappa,

    /// <summary>Working days (a median), one decimal place.</summary>
    WorkingDays,
}
