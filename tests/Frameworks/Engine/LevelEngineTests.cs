namespace Warehouse.Frameworks.Tests;

public sealed class LevelEngineTests
{
    private static readonly Framework War = ShippedFiles.Warwickshire;
    private static readonly Framework Wor = ShippedFiles.Worcestershire;

    private static int[] Ids(Framework f, params string[] codes) =>
        [.. codes.Select(c => f.Indicators.Single(i => i.Code == c).Id)];

    [Fact]
    public void NoIndicators_GiveNoLevel()
    {
        var result = LevelEngine.Indicate(War, []);

        Assert.Null(result.Level);
        Assert.False(result.HasLevel);
        Assert.Equal(EngineRuleKind.None, result.Rule);
        Assert.Equal("no_indicators", result.RuleId);
        Assert.Equal(IndicationCertainty.None, result.Certainty);
        Assert.Equal(0, result.BehindCount);
    }

    [Fact]
    public void ImmediateProtectionIndicator_MeansTheTopLevel_WhateverElseIsRecorded()
    {
        var ids = Ids(War, "WAR-U-HEA-01", "WAR-ES-EDU-01", "WAR-IP-06", "WAR-U-EDU-02");
        var behind = new int[ids.Length];

        var result = LevelEngine.Indicate(War, ids, behind);

        Assert.Equal(4, result.Level);
        Assert.Equal(EngineRuleKind.TopLevelOnItsOwn, result.Rule);
        Assert.Equal("top_level_on_its_own", result.RuleId);
        Assert.Equal(IndicationCertainty.Clear, result.Certainty);
        Assert.Equal(1, result.BehindCount);
        Assert.Equal(Ids(War, "WAR-IP-06"), behind[..result.BehindCount]);
    }

    [Fact]
    public void FourEarlySupportIndicatorsAcrossThreeDomains_AccumulateToFamilyHelp_Borderline()
    {
        var ids = Ids(War, "WAR-ES-HEA-01", "WAR-ES-HEA-02", "WAR-ES-EDU-01", "WAR-ES-SUB-02", "WAR-U-HEA-01");
        var behind = new int[ids.Length];

        var result = LevelEngine.Indicate(War, ids, behind);

        Assert.Equal(3, result.Level);
        Assert.Equal(EngineRuleKind.Accumulation, result.Rule);
        Assert.Equal(IndicationCertainty.Borderline, result.Certainty);
        Assert.True(result.IsBorderline);
        Assert.Equal(2, result.AlternativeLevel);
        Assert.Equal(ids[..4], behind[..result.BehindCount]);
    }

    [Fact]
    public void FourEarlySupportIndicatorsInTwoDomains_DoNotAccumulate()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-ES-HEA-01", "WAR-ES-HEA-02", "WAR-ES-HEA-03", "WAR-ES-EDU-01"));

        Assert.Equal((2, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
    }

    [Fact]
    public void ThreeEarlySupportIndicators_AreEarlySupport_Clear()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-ES-HEA-01", "WAR-ES-EDU-01", "WAR-ES-SUB-01"));

        Assert.Equal((2, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
        Assert.Null(result.AlternativeLevel);
    }

    [Fact]
    public void RepeatedIndicators_CountOnce()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-ES-HEA-01", "WAR-ES-HEA-01", "WAR-ES-HEA-01", "WAR-ES-HEA-01"));

        Assert.Equal((2, EngineRuleKind.HighestPresent, 1), (result.Level!.Value, result.Rule, result.BehindCount));
    }

    [Fact]
    public void UniversalIndicators_NeverAccumulate_TheyDescribeStrengths()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-U-HEA-01", "WAR-U-HEA-02", "WAR-U-EDU-01", "WAR-U-SEH-01", "WAR-U-ABN-01", "WAR-U-HEF-01"));

        Assert.Equal((1, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
    }

    [Fact]
    public void FamilyHelpIndicators_NeverAccumulateToImmediateProtection()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-FH-HEA-01", "WAR-FH-EDU-01", "WAR-FH-SEH-01", "WAR-FH-ABN-01", "WAR-FH-SUB-01"));

        Assert.Equal((3, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFewFamilyHelpIndicators_AreFamilyHelp_BorderlineWithEarlySupport(int count)
    {
        var codes = new[] { "WAR-FH-HEA-01", "WAR-FH-EDU-01" }.Take(count).Append("WAR-ES-HEA-01").ToArray();

        var result = LevelEngine.Indicate(War, Ids(War, codes));

        Assert.Equal(3, result.Level);
        Assert.Equal(EngineRuleKind.IsolatedHigher, result.Rule);
        Assert.Equal("isolated_higher", result.RuleId);
        Assert.Equal(IndicationCertainty.Borderline, result.Certainty);
        Assert.Equal(2, result.AlternativeLevel);
        Assert.Equal(count, result.BehindCount);
    }

    [Fact]
    public void ThreeFamilyHelpIndicators_AreFamilyHelp_Clear()
    {
        var result = LevelEngine.Indicate(War, Ids(War, "WAR-FH-HEA-01", "WAR-FH-EDU-01", "WAR-FH-ABN-01"));

        Assert.Equal((3, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
    }

    [Fact]
    public void AnIsolatedHigherIndicator_CorroboratedByAnAccumulationBelow_IsClear()
    {
        var ids = Ids(War, "WAR-FH-HEA-01", "WAR-ES-HEA-01", "WAR-ES-EDU-01", "WAR-ES-SUB-01", "WAR-ES-DAP-01");
        var behind = new int[ids.Length];

        var result = LevelEngine.Indicate(War, ids, behind);

        Assert.Equal((3, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (result.Level!.Value, result.Rule, result.Certainty));
        Assert.Equal(5, result.BehindCount);
        Assert.Equal(ids, behind);
    }

    [Fact]
    public void Worcestershire_ALoneLevelFourIndicator_IsBorderline_UnlessItMeansLevelFourOnItsOwn()
    {
        var lone = LevelEngine.Indicate(Wor, Ids(Wor, "WOR-L4-HEA-04", "WOR-L2-EDU-01"));
        var own = LevelEngine.Indicate(Wor, Ids(Wor, "WOR-L4-HEA-01"));
        var two = LevelEngine.Indicate(Wor, Ids(Wor, "WOR-L4-HEA-04", "WOR-L4-EDU-01"));

        Assert.Equal((4, EngineRuleKind.IsolatedHigher, 3), (lone.Level!.Value, lone.Rule, lone.AlternativeLevel!.Value));
        Assert.Equal((4, EngineRuleKind.TopLevelOnItsOwn, IndicationCertainty.Clear), (own.Level!.Value, own.Rule, own.Certainty));
        Assert.Equal((4, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (two.Level!.Value, two.Rule, two.Certainty));
    }

    [Fact]
    public void Worcestershire_LevelThreeAccumulation_CanReachLevelFour()
    {
        var result = LevelEngine.Indicate(Wor, Ids(Wor, "WOR-L3-HEA-01", "WOR-L3-EDU-01", "WOR-L3-FHF-01", "WOR-L3-BCS-01"));

        Assert.Equal((4, EngineRuleKind.Accumulation, IndicationCertainty.Borderline, 3), (result.Level!.Value, result.Rule, result.Certainty, result.AlternativeLevel!.Value));
    }

    [Fact]
    public void RuleParameters_ComeFromTheFile_NotFromCode()
    {
        using var temp = new TempDirectory();
        var json = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        json["engine"]!["rules"]![1]!["parameters"]!["min_indicators"] = 3;
        json["engine"]!["rules"]![2]!["parameters"]!["max_indicators"] = 1;
        temp.Write(ShippedFiles.WarwickshireFile, json);
        var edited = FrameworkCatalog.LoadFrom(temp.Path).Get("warwickshire").Latest;
        var codes = new[] { "WAR-ES-HEA-01", "WAR-ES-EDU-01", "WAR-ES-SUB-01" };

        var shipped = LevelEngine.Indicate(War, Ids(War, codes));
        var changed = LevelEngine.Indicate(edited, Ids(edited, codes));

        Assert.Equal(2, shipped.Level);
        Assert.Equal(3, changed.Level);
        Assert.Equal(EngineRuleKind.Accumulation, changed.Rule);
    }

    [Fact]
    public void ARuleLeftOutOfTheFile_DoesNotApply()
    {
        using var temp = new TempDirectory();
        var json = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        json["engine"]!["rules"]!.AsArray().RemoveAt(0);
        temp.Write(ShippedFiles.WarwickshireFile, json);
        var edited = FrameworkCatalog.LoadFrom(temp.Path).Get("warwickshire").Latest;

        var lone = LevelEngine.Indicate(edited, Ids(edited, "WAR-IP-05"));
        var three = LevelEngine.Indicate(edited, Ids(edited, "WAR-IP-05", "WAR-IP-06", "WAR-IP-07"));

        // Without top_level_on_its_own an immediate-protection indicator is just a level 4 indicator.
        Assert.Equal((4, EngineRuleKind.IsolatedHigher, IndicationCertainty.Borderline), (lone.Level!.Value, lone.Rule, lone.Certainty));
        Assert.Equal((4, EngineRuleKind.HighestPresent, IndicationCertainty.Clear), (three.Level!.Value, three.Rule, three.Certainty));
    }

    [Fact]
    public void UnknownIds_AndShortBehindSpans_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelEngine.Indicate(War, [War.Indicators.Count]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelEngine.Indicate(War, [-1]));
        Assert.Throws<ArgumentException>(() => LevelEngine.Indicate(War, [0, 1], new int[1]));
    }

    [Fact]
    public void Explain_GivesTheRuleAsFiledTheIndicatorsBehindAndAReason()
    {
        var indication = LevelEngine.Explain(War, ["WAR-FH-DAP-01", "war-es-hea-01"]);

        Assert.Equal("family_help", indication.Level?.Code);
        Assert.Equal("early_support", indication.AlternativeLevel?.Code);
        Assert.Equal(IndicationCertainty.Borderline, indication.Certainty);
        Assert.Equal("isolated_higher", indication.Rule?.Id);
        Assert.Contains("a few higher-risk indicators", indication.Rule!.RestsOn[0].Quote, StringComparison.Ordinal);
        Assert.Equal(["WAR-FH-DAP-01"], indication.Behind.Select(i => i.Code));
        Assert.Equal("Only 1 indicator(s) at Family Help (3) (rule isolated_higher: at most 2); Early Support (2) may be enough; borderline: WAR-FH-DAP-01.", indication.Reason);
    }

    [Fact]
    public void Explain_ReasonsCarryTheCounts()
    {
        var accumulation = LevelEngine.Explain(War, ["WAR-ES-HEA-01", "WAR-ES-HEA-02", "WAR-ES-EDU-01", "WAR-ES-SUB-02"]);
        var none = LevelEngine.Explain(War, []);
        var top = LevelEngine.Explain(War, ["WAR-IP-01", "WAR-IP-02"]);

        Assert.StartsWith("4 indicators at Early Support (2) across 3 domains", accumulation.Reason, StringComparison.Ordinal);
        Assert.Equal(("no_indicators", null, "No indicators recorded."), (none.RuleId, none.Level, none.Reason));
        Assert.StartsWith("2 indicator(s) that mean Immediate protection (4) on their own", top.Reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LevelEngine.Explain(War, ["WAR-NOPE"]));
    }
}
