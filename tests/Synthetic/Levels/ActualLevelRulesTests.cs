using Warehouse.Frameworks;
using Warehouse.Synthetic.Levels;

namespace Warehouse.Synthetic.Tests.Levels;

public sealed class ActualLevelRulesTests
{
    private static readonly FrameworkCatalog Catalog = FrameworkCatalog.LoadEmbedded();

    private static Framework Warwickshire => Catalog.Get("warwickshire").Latest;

    private static Framework Worcestershire => Catalog.Get("worcestershire").Latest;

    [Theory]
    [InlineData("warwickshire", "advice", (int)(EventMask.None), 1, 1)]
    [InlineData("warwickshire", "advice", (int)(EventMask.EarlyHelp), 1, 3)]
    [InlineData("warwickshire", "advice", (int)(EventMask.ReferralNfa), 1, 1)]
    [InlineData("warwickshire", "advice", (int)(EventMask.Referral | EventMask.Section47), 1, 4)]
    [InlineData("warwickshire", "single_agency", (int)(EventMask.None), 1, 2)]
    [InlineData("warwickshire", "early_support_assessment", (int)(EventMask.EarlyHelp), 1, 2)]
    [InlineData("warwickshire", "early_support_assessment", (int)(EventMask.None), 1, 1)]
    [InlineData("warwickshire", "early_support_assessment", (int)(EventMask.Referral | EventMask.Assessment), 1, 3)]
    [InlineData("warwickshire", "family_help_assessment", (int)(EventMask.ReferralNfa), 1, 1)]
    [InlineData("warwickshire", "family_help_assessment", (int)(EventMask.EarlyHelp), 1, 3)]
    [InlineData("warwickshire", "child_protection", (int)(EventMask.None), 1, 1)]
    [InlineData("warwickshire", "child_protection", (int)(EventMask.Referral | EventMask.Assessment), 1, 3)]
    [InlineData("warwickshire", "child_protection", (int)(EventMask.None), 3, 3)]
    [InlineData("warwickshire", "advice", (int)(EventMask.None), 4, 4)]
    [InlineData("worcestershire", "social_care_assessment", (int)(EventMask.EarlyHelp), 1, 3)]
    [InlineData("worcestershire", "social_care_assessment", (int)(EventMask.Referral), 1, 4)]
    [InlineData("worcestershire", "early_help_assessment", (int)(EventMask.Referral | EventMask.Assessment), 1, 4)]
    [InlineData("worcestershire", "section_47", (int)(EventMask.None), 1, 1)]
    [InlineData("worcestershire", "nfa", (int)(EventMask.EarlyHelp), 1, 3)]
    public void Derive_follows_contract_section_3(string partnership, string outcome, int events, int floor, int expected)
    {
        var framework = Catalog.Get(partnership).Latest;
        Assert.True(framework.TryGetOutcome(outcome, out var o));
        Assert.Equal(expected, ActualLevelRules.Derive(framework, o!, (EventMask)events, floor));
    }

    [Fact]
    public void Some_levels_cannot_be_shown_through_annex_a()
    {
        var tables = new FrameworkTables(Warwickshire);
        var advice = Index(Warwickshire, "advice");
        var familyHelp = Index(Warwickshire, "family_help_assessment");
        var singleAgency = Index(Warwickshire, "single_agency");

        // Early help confirms Family Help outcomes too, so nothing in Annex A shows "early support" after advice.
        Assert.False(tables.PlanFor(advice, 1).CanShow(2));
        Assert.True(tables.PlanFor(advice, 1).CanShow(3));

        // An outcome not visible in Annex A stands at its level: single agency support cannot show as universal.
        Assert.False(tables.PlanFor(singleAgency, 1).CanShow(1));

        // A child already open on a child in need plan is at Family Help at least.
        Assert.Equal(3, tables.ChildInNeedFloor);
        Assert.Equal(4, tables.ChildProtectionFloor);
        Assert.False(tables.PlanFor(familyHelp, 3).CanShow(1));
        Assert.True(tables.PlanFor(familyHelp, 1).CanShow(1));
    }

    [Theory]
    [InlineData("advice", 1, 1, 2, 3)]
    [InlineData("family_help_assessment", 1, 3, 2, 1)]
    [InlineData("single_agency", 1, 2, 1, 2)]
    [InlineData("child_protection", 1, 4, 3, 3)]
    [InlineData("child_protection", 4, 4, 3, 4)]
    [InlineData("early_support_assessment", 1, 2, 4, 4)]
    public void The_nearest_level_keeps_the_intended_side(string outcome, int floor, int recommended, int intended, int shown)
    {
        var tables = new FrameworkTables(Warwickshire);
        Assert.Equal(shown, tables.PlanFor(Index(Warwickshire, outcome), floor).Nearest(recommended, intended));
    }

    [Fact]
    public void Every_pathway_a_plan_picks_derives_its_level()
    {
        var rng = new Synthetic.Randomness.Rng(3);
        foreach (var framework in new[] { Warwickshire, Worcestershire })
        {
            var tables = new FrameworkTables(framework);
            for (var o = 0; o < framework.Outcomes.Count; o++)
            {
                for (var floor = 1; floor <= 4; floor++)
                {
                    var plan = tables.PlanFor(o, floor);
                    for (var level = 1; level <= 4; level++)
                    {
                        if (!plan.CanShow(level))
                        {
                            continue;
                        }

                        for (var draw = 0; draw < 20; draw++)
                        {
                            Assert.Equal(level, ActualLevelRules.Derive(framework, framework.Outcomes[o], plan.Pathway(level, rng), floor));
                        }
                    }

                    // Every outcome can show its own level when the child is not open.
                    if (floor == 1)
                    {
                        Assert.True(plan.CanShow(framework.Outcomes[o].Level.Number), $"{framework} {framework.Outcomes[o].Code}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_common_matrix_never_plants_a_serious_under_response()
    {
        Assert.Equal([0.0, 0.0], TransitionMatrix.Common.Probabilities[3][..2]);
        Assert.Equal([0.0, 0.0], TransitionMatrix.UnderResponse.Probabilities[3][..2]);
        foreach (var matrix in new[] { TransitionMatrix.Common, TransitionMatrix.OverResponse, TransitionMatrix.UnderResponse })
        {
            Assert.All(matrix.Probabilities, row => Assert.Equal(1.0, row.Sum(), 9));
        }

        // Planted: more support above the diagonal in the locality, less below it for the agency.
        for (var r = 0; r < 4; r++)
        {
            Assert.True(TransitionMatrix.OverResponse.Probabilities[r][(r + 1)..].Sum() >= TransitionMatrix.Common.Probabilities[r][(r + 1)..].Sum());
            Assert.True(TransitionMatrix.UnderResponse.Probabilities[r][..r].Sum() >= TransitionMatrix.Common.Probabilities[r][..r].Sum());
        }
    }

    private static int Index(Framework framework, string code) =>
        framework.Outcomes.Select((o, i) => (o, i)).Single(x => x.o.Code == code).i;
}
