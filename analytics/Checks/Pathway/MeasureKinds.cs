namespace Warehouse.Analytics.Checks.Pathway;

/// <summary>How a counted measure becomes a value (the <c>kind</c> column of <c>chk_measures</c>).</summary>
internal static class MeasureKinds
{
    /// <summary>The numerator is the value.</summary>
    public const string Count = "count";

    /// <summary>Numerator / denominator with a Wilson 95% interval.</summary>
    public const string Proportion = "proportion";

    /// <summary>Numerator per 10,000 of the denominator (a population), exact Poisson 95% interval.</summary>
    public const string RatePer10000 = "rate_per_10000";

    /// <summary>A value computed in SQL (median, quartile); the numerator is the cases it rests on.</summary>
    public const string Statistic = "statistic";

    /// <summary>A reference value (the England figure).</summary>
    public const string Comparator = "comparator";
}
