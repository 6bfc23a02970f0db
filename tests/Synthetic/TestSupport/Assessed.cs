namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>A consultation with both views for recommended → actual (CONTRACT.md section 3: assessable).</summary>
public sealed record Assessed(SourceData.Consultation Consultation, int Recommended, int Actual, string Source)
{
    public bool Over => Actual > Recommended;

    public bool Under => Actual < Recommended;

    public bool SeriousUnder => Recommended == 4 && Actual <= 2;

    /// <summary>Every assessable consultation of the data, derived by the reference implementation at the cut-off.</summary>
    public static List<Assessed> All(SourceData data, Frameworks.FrameworkCatalog catalog, DateOnly cutoff)
    {
        var result = new List<Assessed>();
        foreach (var c in data.Consultations)
        {
            var derived = ReferenceDerivation.Derive(c, data, catalog.VersionFor(data.Partnership, c.Date)!, cutoff);
            if (c.Recommended is { } recommended && derived is { } d)
            {
                result.Add(new Assessed(c, recommended, d.Level, d.Source));
            }
        }

        return result;
    }

    /// <summary>The two-proportion z statistic of a unit's rate against the rest.</summary>
    public static double Z(int hits1, int n1, int hits2, int n2)
    {
        var p1 = (double)hits1 / n1;
        var p2 = (double)hits2 / n2;
        var pooled = (double)(hits1 + hits2) / (n1 + n2);
        return (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
    }
}
