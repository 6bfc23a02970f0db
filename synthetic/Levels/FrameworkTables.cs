using Warehouse.Frameworks;
using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Levels;

/// <summary>
/// One framework version, prepared for drawing: outcomes by the level they imply, indicators by level, the open-case
/// floors, and a <see cref="ResponsePlan"/> per outcome and floor.
/// </summary>
internal sealed class FrameworkTables
{
    /// <summary>The event pathways the generator writes, each a realistic course of events after a consultation.</summary>
    internal static readonly EventMask[] Pathways =
    [
        EventMask.None,
        EventMask.ReferralNfa,
        EventMask.EarlyHelp,
        EventMask.Referral,
        EventMask.Referral | EventMask.Assessment,
        EventMask.Referral | EventMask.Section47,
        EventMask.Referral | EventMask.Section47 | EventMask.Assessment,
    ];

    // Relative weight of each pathway (same order) when it shows the target level (rows: level 1-4). A pathway
    // that shows the level but is not an obvious way to it still gets a small weight, so every level the rules can
    // show is reachable.
    private static readonly double[][] PathwayWeights =
    [
        [0.80, 0.20, 0.05, 0.05, 0.05, 0.05, 0.05],
        [0.50, 0.10, 1.00, 0.05, 0.05, 0.05, 0.05],
        [0.30, 0.05, 0.35, 0.15, 0.50, 0.05, 0.05],
        [0.30, 0.05, 0.05, 0.05, 0.20, 0.35, 0.45],
    ];

    // How often each outcome is chosen among the outcomes implying the same level (by code; others weigh 1).
    private static readonly Dictionary<string, double> OutcomeWeights = new(StringComparer.Ordinal)
    {
        ["advice"] = 0.72,
        ["nfa"] = 0.28,
        ["single_agency"] = 0.45,
        ["early_support_assessment"] = 0.55,
        ["family_help_assessment"] = 0.70,
        ["early_support_to_family_help"] = 0.30,
        ["social_care_assessment"] = 0.65,
        ["section_47"] = 0.35,
    };

    private readonly ResponsePlan[,] plans;
    private readonly Outcome[][] outcomesByLevel = new Outcome[5][];
    private readonly WeightedTable?[] outcomeTables = new WeightedTable?[5];

    public FrameworkTables(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (framework.Levels.Count != 4)
        {
            throw new InvalidOperationException($"{framework}: the generator needs four levels.");
        }

        Framework = framework;
        for (var level = 1; level <= 4; level++)
        {
            outcomesByLevel[level] = [.. framework.Outcomes.Where(o => o.Level.Number == level)];
            outcomeTables[level] = outcomesByLevel[level].Length > 0
                ? new WeightedTable([.. outcomesByLevel[level].Select(o => OutcomeWeights.GetValueOrDefault(o.Code, 1.0))])
                : null;
        }

        OrdinaryIndicators = new Indicator[5][];
        for (var level = 1; level <= 4; level++)
        {
            OrdinaryIndicators[level] = [.. framework.Indicators.Where(i => i.Level.Number == level && !i.TopLevelOnItsOwn)];
        }

        TopOnItsOwn = [.. framework.Indicators.Where(i => i.TopLevelOnItsOwn)];
        ChildInNeedFloor = framework.OpenCaseFloorFor(OpenCaseList.ChildInNeed)?.Number ?? 1;
        ChildProtectionFloor = framework.OpenCaseFloorFor(OpenCaseList.ChildProtectionPlan)?.Number ?? 1;

        plans = new ResponsePlan[framework.Outcomes.Count, 5];
        for (var o = 0; o < framework.Outcomes.Count; o++)
        {
            for (var floor = 1; floor <= 4; floor++)
            {
                plans[o, floor] = BuildPlan(framework, framework.Outcomes[o], floor);
            }
        }
    }

    public Framework Framework { get; }

    /// <summary>Indicators that do not mean the top level on their own, by level (index 1–4).</summary>
    public Indicator[][] OrdinaryIndicators { get; }

    /// <summary>Indicators that mean the top level on their own.</summary>
    public Indicator[] TopOnItsOwn { get; }

    /// <summary>The lowest actual level for a child open on List 6 (1 when the framework sets none).</summary>
    public int ChildInNeedFloor { get; }

    /// <summary>The lowest actual level for a child open on List 7 (1 when the framework sets none).</summary>
    public int ChildProtectionFloor { get; }

    /// <summary>An outcome consistent with the recommended level: one of the outcomes implying it.</summary>
    public int DrawOutcome(int level, Rng rng)
    {
        var table = outcomeTables[level];
        var outcome = table is null
            ? NearestOutcome(level)
            : outcomesByLevel[level][table.Sample(rng)];
        return IndexOf(outcome);
    }

    public ResponsePlan PlanFor(int outcomeIndex, int floor) => plans[outcomeIndex, floor];

    private int IndexOf(Outcome outcome)
    {
        for (var i = 0; i < Framework.Outcomes.Count; i++)
        {
            if (ReferenceEquals(Framework.Outcomes[i], outcome))
            {
                return i;
            }
        }

        throw new InvalidOperationException("The outcome is not in the framework.");
    }

    // A framework with no outcome at some level: take the closest level's outcome (never a higher one first).
    private Outcome NearestOutcome(int level)
    {
        for (var distance = 1; distance < 4; distance++)
        {
            if (level - distance >= 1 && outcomesByLevel[level - distance].Length > 0)
            {
                return outcomesByLevel[level - distance][0];
            }

            if (level + distance <= 4 && outcomesByLevel[level + distance].Length > 0)
            {
                return outcomesByLevel[level + distance][0];
            }
        }

        throw new InvalidOperationException($"{Framework}: the framework has no outcomes.");
    }

    private static ResponsePlan BuildPlan(Framework framework, Outcome outcome, int floor)
    {
        var byLevel = new EventMask[5][];
        var weights = new double[5][];
        for (var level = 1; level <= 4; level++)
        {
            var masks = new List<EventMask>();
            var w = new List<double>();
            for (var p = 0; p < Pathways.Length; p++)
            {
                if (ActualLevelRules.Derive(framework, outcome, Pathways[p], floor) == level)
                {
                    masks.Add(Pathways[p]);
                    w.Add(PathwayWeights[level - 1][p]);
                }
            }

            byLevel[level] = [.. masks];
            weights[level] = [.. w];
        }

        return new ResponsePlan(byLevel, weights);
    }
}
