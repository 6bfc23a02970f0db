namespace Warehouse.Analytics.Statistics;

/// <summary>95% and 99.8% control limits for one unit size, as proportions clamped to [0, 1].</summary>
internal readonly record struct FunnelLimits(double Lower95, double Upper95, double Lower998, double Upper998, FunnelLimitMethod Method)
{
    /// <summary>Classifies an observed proportion; a value exactly on a limit counts as inside it.</summary>
    public FunnelFlag Classify(double proportion)
    {
        if (proportion > Upper998)
        {
            return FunnelFlag.Above;
        }

        if (proportion < Lower998)
        {
            return FunnelFlag.Below;
        }

        if (proportion > Upper95)
        {
            return FunnelFlag.High;
        }

        return proportion < Lower95 ? FunnelFlag.Low : FunnelFlag.Within;
    }
}
