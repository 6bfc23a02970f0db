namespace Warehouse.Frameworks;

/// <summary>
/// The common four-point scale that every framework's crosswalk maps to, so partnerships can be compared where
/// the mapping allows (METRICS.md, "Across partnerships"). It is defined by the response a child receives, not
/// by any one document's words: the statutory point joins section 17 and section 47 because some documents do.
/// </summary>
public static class CommonScale
{
    /// <summary>The lowest point.</summary>
    public const int Lowest = 1;

    /// <summary>The highest point.</summary>
    public const int Highest = 4;

    /// <summary>The four points, lowest first.</summary>
    public static IReadOnlyList<CommonScalePoint> Points { get; } =
    [
        new(1, "Universal", "Needs met by the family and universal services."),
        new(2, "Additional", "Extra support from a universal service or a single agency, without a coordinated multi-agency plan."),
        new(3, "Targeted", "Targeted early help: a coordinated multi-agency plan with a lead practitioner, outside statutory social work."),
        new(4, "Statutory", "Statutory social work: a child in need (Children Act 1989 section 17) or child protection (section 47)."),
    ];
}
