using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Levels;

/// <summary>
/// For one outcome and one open-case floor: which actual levels Annex A events can show (CONTRACT.md section 3), and
/// for each, the event pathways that show it with their realistic weights.
/// </summary>
internal sealed class ResponsePlan
{
    private readonly EventMask[][] pathways = new EventMask[5][];
    private readonly WeightedTable?[] tables = new WeightedTable?[5];

    public ResponsePlan(EventMask[][] pathwaysByLevel, double[][] weightsByLevel)
    {
        for (var level = 1; level <= 4; level++)
        {
            pathways[level] = pathwaysByLevel[level];
            tables[level] = pathwaysByLevel[level].Length > 0 ? new WeightedTable(weightsByLevel[level]) : null;
        }
    }

    public bool CanShow(int level) => tables[level] is not null;

    /// <summary>
    /// The level the events will show for an intended level: the intended one when they can show it, else the
    /// nearest they can; between two equally near, the one on the same side of the recommended level as the
    /// intended one (so an intended over- or under-response stays one), and the higher when intended equals
    /// recommended.
    /// </summary>
    public int Nearest(int recommended, int intended)
    {
        if (CanShow(intended))
        {
            return intended;
        }

        for (var distance = 1; distance <= 3; distance++)
        {
            var below = intended - distance;
            var above = intended + distance;
            var canBelow = below >= 1 && CanShow(below);
            var canAbove = above <= 4 && CanShow(above);
            if (canBelow && canAbove)
            {
                return intended < recommended ? below : above;
            }

            if (canBelow)
            {
                return below;
            }

            if (canAbove)
            {
                return above;
            }
        }

        throw new InvalidOperationException("No actual level can be shown for this outcome: the framework tables are inconsistent.");
    }

    /// <summary>A pathway of events that shows the level (which must be one <see cref="CanShow"/> allows).</summary>
    public EventMask Pathway(int level, Rng rng) =>
        pathways[level][(tables[level] ?? throw new InvalidOperationException($"Level {level} cannot be shown.")).Sample(rng)];
}
