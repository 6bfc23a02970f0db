namespace Warehouse.Analytics.Statistics;

/// <summary>Where a unit sits against its funnel limits. Each unit gets exactly one.</summary>
internal enum FunnelFlag
{
    /// <summary>Inside the 95% limits (limits inclusive).</summary>
    Within,

    /// <summary>Above the upper 95% limit but not above the upper 99.8% limit: a warning.</summary>
    High,

    /// <summary>Below the lower 95% limit but not below the lower 99.8% limit: a warning.</summary>
    Low,

    /// <summary>Above the upper 99.8% limit: flagged.</summary>
    Above,

    /// <summary>Below the lower 99.8% limit: flagged.</summary>
    Below,
}
