namespace Warehouse.Frameworks.Tests;

/// <summary>The shipped frameworks hold what CONTRACT.md sections 3 and 5 say.</summary>
public sealed class ShippedFrameworkTests
{
    [Fact]
    public void Catalog_HasTheTwoShippedPartnerships()
    {
        Assert.Equal(["warwickshire", "worcestershire"], ShippedFiles.Catalog.Partnerships);
    }

    [Fact]
    public void Warwickshire_HasTheContractLevelsDomainsAndIndicatorCounts()
    {
        var f = ShippedFiles.Warwickshire;

        Assert.Equal(["universal", "early_support", "family_help", "immediate_protection"], f.Levels.Select(l => l.Code));
        Assert.Equal([1, 2, 3, 4], f.Levels.Select(l => l.Number));
        Assert.Equal(
            ["Health", "Education", "Social and emotional health", "Abuse and neglect", "Substance misuse", "Domestic abuse / parental conflict", "Housing, employment and finance", "Disability", "Extra-familial harm", "Young carer"],
            f.Domains.Select(d => d.Name));
        Assert.Equal(129, f.Indicators.Count);
        Assert.Equal(10, f.Indicators.Count(i => i.TopLevelOnItsOwn));
        Assert.All(f.Indicators.Where(i => i.TopLevelOnItsOwn), i => Assert.Equal("immediate_protection", i.Level.Code));
        Assert.Equal(new DateOnly(2024, 1, 1), f.EffectiveFrom);
        Assert.Equal("2024-01", f.Version);
    }

    [Fact]
    public void Worcestershire_HasTheContractLevelsAndThreeAreasWithSubDomains()
    {
        var f = ShippedFiles.Worcestershire;

        Assert.Equal(["level_1", "level_2", "level_3", "level_4"], f.Levels.Select(l => l.Code));
        Assert.Equal(14, f.Domains.Count);
        Assert.Equal(["childs_developmental_needs", "family_environmental_factors", "parenting_capacity"], f.Domains.Where(d => d.Parent is null).Select(d => d.Code));
        Assert.All(f.Indicators, i => Assert.NotNull(i.Domain.Parent));
        Assert.Equal(172, f.Indicators.Count);
        Assert.Equal(6, f.Indicators.Count(i => i.TopLevelOnItsOwn));
        Assert.Equal(new DateOnly(2019, 5, 1), f.EffectiveFrom);
        Assert.Equal("May 2019 (Updated)", f.Source.PrintedDate);
    }

    [Fact]
    public void IndicatorCodes_AreUniqueAndIdsAreTheirIndex()
    {
        foreach (var f in new[] { ShippedFiles.Warwickshire, ShippedFiles.Worcestershire })
        {
            Assert.Equal(f.Indicators.Count, f.Indicators.Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(f.Indicators, i => Assert.Same(i, f.Indicators[i.Id]));
            Assert.All(f.Indicators, i => Assert.True(f.TryGetIndicator(i.Code.ToLowerInvariant(), out var found) && ReferenceEquals(found, i)));
        }
    }

    [Theory]
    [InlineData("warwickshire", "advice", 1, false, "")]
    [InlineData("warwickshire", "single_agency", 2, false, "")]
    [InlineData("warwickshire", "early_support_assessment", 2, true, "EarlyHelpAssessment")]
    [InlineData("warwickshire", "early_support_to_family_help", 3, true, "EarlyHelpAssessment,ReferralNotNfa,Assessment")]
    [InlineData("warwickshire", "family_help_assessment", 3, true, "EarlyHelpAssessment,ReferralNotNfa,Assessment")]
    [InlineData("warwickshire", "child_protection", 4, true, "Section47")]
    [InlineData("warwickshire", "nfa", 1, false, "")]
    [InlineData("worcestershire", "advice", 1, false, "")]
    [InlineData("worcestershire", "single_agency", 2, false, "")]
    [InlineData("worcestershire", "early_help_assessment", 3, true, "EarlyHelpAssessment")]
    [InlineData("worcestershire", "social_care_assessment", 4, true, "ReferralNotNfa,Assessment")]
    [InlineData("worcestershire", "section_47", 4, true, "Section47")]
    [InlineData("worcestershire", "nfa", 1, false, "")]
    public void Outcomes_ImplyTheContractLevelAndAreConfirmedByTheContractEvents(string partnership, string code, int level, bool visible, string events)
    {
        var f = ShippedFiles.Catalog.Get(partnership).Latest;

        Assert.True(f.TryGetOutcome(code, out var outcome));
        Assert.Equal(level, outcome.Level.Number);
        Assert.Equal(visible, outcome.VisibleInAnnexA);
        Assert.Equal(events, string.Join(",", outcome.ConfirmedBy));
        Assert.Equal(code is not ("child_protection" or "section_47"), outcome.RequiresConsent);
    }

    [Fact]
    public void Outcomes_AreExactlyTheContractCodes()
    {
        Assert.Equal(7, ShippedFiles.Warwickshire.Outcomes.Count);
        Assert.Equal(6, ShippedFiles.Worcestershire.Outcomes.Count);
        Assert.False(ShippedFiles.Warwickshire.TryGetOutcome("section_47", out _));
        Assert.True(ShippedFiles.Warwickshire.TryGetOutcome(" NFA ", out _));
    }

    [Fact]
    public void EarlyHelpAssessment_ConfirmsEarlySupportAndFamilyHelpAssessment_ButNotChildProtection()
    {
        var f = ShippedFiles.Warwickshire;
        var confirmed = f.Outcomes.Where(o => o.IsConfirmedBy(AnnexAEvent.EarlyHelpAssessment)).Select(o => o.Code).ToList();

        Assert.Contains("early_support_assessment", confirmed);
        Assert.Contains("family_help_assessment", confirmed);
        Assert.DoesNotContain("child_protection", confirmed);
        Assert.Equal(["child_protection"], f.Outcomes.Where(o => o.IsConfirmedBy(AnnexAEvent.Section47)).Select(o => o.Code));
    }

    [Fact]
    public void OpenCaseFloors_AreRecorded()
    {
        Assert.Equal("family_help", ShippedFiles.Warwickshire.OpenCaseFloorFor(OpenCaseList.ChildInNeed)?.Code);
        Assert.Equal("immediate_protection", ShippedFiles.Warwickshire.OpenCaseFloorFor(OpenCaseList.ChildProtectionPlan)?.Code);
        Assert.Equal("level_4", ShippedFiles.Worcestershire.OpenCaseFloorFor(OpenCaseList.ChildInNeed)?.Code);
        Assert.Equal("level_4", ShippedFiles.Worcestershire.OpenCaseFloorFor(OpenCaseList.ChildProtectionPlan)?.Code);
        Assert.Null(ShippedFiles.Worcestershire.OpenCaseFloorFor(OpenCaseList.None));
    }

    [Fact]
    public void Crosswalk_SpansFamilyHelp_AndIsOneToOneOnlyForWorcestershire()
    {
        var war = ShippedFiles.Warwickshire.Crosswalk;
        var wor = ShippedFiles.Worcestershire.Crosswalk;

        Assert.Equal(new CommonSpan(1, 1), war.SpanFor(1));
        Assert.Equal(new CommonSpan(2, 2), war.SpanFor(2));
        Assert.Equal(new CommonSpan(3, 4), war.SpanFor(ShippedFiles.Warwickshire.LevelNumbered(3)));
        Assert.Equal(new CommonSpan(4, 4), war.SpanFor(4));
        Assert.False(war.IsOneToOne);
        Assert.True(wor.IsOneToOne);
        Assert.Contains(wor.Caveats, c => c.Quote?.Contains("do not necessarily correlate", StringComparison.Ordinal) == true);
        Assert.Contains(wor.Caveats, c => c.Text.Contains("section 17", StringComparison.Ordinal) && c.Text.Contains("section 47", StringComparison.Ordinal));
        Assert.Contains(war.Caveats, c => c.Quote?.Contains("targeted early help and child in need support", StringComparison.Ordinal) == true);
        Assert.Throws<ArgumentOutOfRangeException>(() => war.SpanFor(5));
        Assert.Equal(4, CommonScale.Points.Count);
    }

    [Fact]
    public void Engine_RulesCarryParametersAndQuotes()
    {
        var rules = ShippedFiles.Warwickshire.Rules.ToDictionary(r => r.Id);

        Assert.Equal(4, rules["accumulation"].Parameters["min_indicators"]);
        Assert.Equal(3, rules["accumulation"].Parameters["max_result_level"]);
        Assert.Equal(2, rules["isolated_higher"].Parameters["max_indicators"]);
        Assert.Contains("require an immediate referral", rules["top_level_on_its_own"].RestsOn[0].Quote, StringComparison.Ordinal);
        Assert.Contains("not a check list", ShippedFiles.Warwickshire.NotAChecklist.Quote, StringComparison.Ordinal);
        Assert.Contains("not intended to be prescriptive", ShippedFiles.Worcestershire.NotAChecklist.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseIndicatorList_ReadsSemicolonListsAndNamesUnknownCodes()
    {
        var f = ShippedFiles.Warwickshire;

        var result = f.ParseIndicatorList(" war-u-hea-01 ; WAR-IP-03;;WAR-U-HEA-01; NOPE-1 ");

        Assert.Equal(["WAR-U-HEA-01", "WAR-IP-03"], result.Indicators.Select(i => i.Code));
        Assert.Equal(["NOPE-1"], result.UnknownCodes);
        Assert.False(result.IsSuccess);
        Assert.Equal([f.Indicators.Single(i => i.Code == "WAR-U-HEA-01").Id, f.Indicators.Single(i => i.Code == "WAR-IP-03").Id], result.ToIds());
        Assert.True(f.ParseIndicatorList(null).IsSuccess);
    }
}
