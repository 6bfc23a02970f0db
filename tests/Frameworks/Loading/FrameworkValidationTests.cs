using System.Text.Json.Nodes;

namespace Warehouse.Frameworks.Tests;

/// <summary>Each validation rule, on an edited copy of the shipped Warwickshire file: the error names the file and the entry.</summary>
public sealed class FrameworkValidationTests
{
    private static JsonObject Indicator(JsonObject json, int index) => json["indicators"]![index]!.AsObject();

    private static void AssertError(FrameworkValidationException ex, string entry, string message, string file = "framework-2024-01.json")
    {
        Assert.True(
            ex.Errors.Any(e => e.File.EndsWith(file, StringComparison.Ordinal) && e.Entry == entry && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {file}: {entry}: …{message}… but got:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Errors)}");
        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains(entry, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownLevel_OnAnIndicator_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => Indicator(json, 0)["level"] = "level_9");

        AssertError(ex, "indicator WAR-U-HEA-01", "level 'level_9' is not a level of this framework");
    }

    [Fact]
    public void IndicatorWithoutALevel_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => Indicator(json, 5).Remove("level"));

        AssertError(ex, "indicator WAR-U-HEA-06", "level is missing");
    }

    [Fact]
    public void DuplicateIndicatorCode_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => Indicator(json, 1)["code"] = "war-u-hea-01");

        AssertError(ex, "indicator war-u-hea-01", "duplicate code");
    }

    [Fact]
    public void UnknownDomain_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => Indicator(json, 0)["domain"] = "astrology");

        AssertError(ex, "indicator WAR-U-HEA-01", "domain 'astrology' is not a domain");
    }

    [Fact]
    public void IndicatorOnAnAreaWithSubDomains_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(
            json => Indicator(json, 0)["domain"] = "parenting_capacity",
            ShippedFiles.WorcestershireFile);

        AssertError(ex, "indicator WOR-L1-HEA-01", "is an area with sub-domains", "framework-2019-05.json");
    }

    [Fact]
    public void DuplicateDomainCode_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["domains"]![1]!["code"] = "health");

        AssertError(ex, "domain health", "duplicate code 'health'");
    }

    [Fact]
    public void OutcomeImplyingAnUnknownLevel_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["outcomes"]![0]!["level"] = "gold");

        AssertError(ex, "outcome advice", "level 'gold' is not a level");
    }

    [Fact]
    public void OutcomeConfirmedByAnUnknownEvent_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["outcomes"]![2]!["confirmed_by"] = new JsonArray("list_8"));

        AssertError(ex, "outcome early_support_assessment", "confirmed_by 'list_8' is not an Annex A event kind");
    }

    [Fact]
    public void VisibleOutcomeWithoutConfirmingEvents_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["outcomes"]![5]!["confirmed_by"] = new JsonArray());

        AssertError(ex, "outcome child_protection", "needs the events that confirm it");
    }

    [Fact]
    public void InvisibleOutcomeWithConfirmingEvents_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["outcomes"]![0]!["confirmed_by"] = new JsonArray("assessment"));

        AssertError(ex, "outcome advice", "cannot be confirmed by Annex A events");
    }

    [Fact]
    public void DuplicateOutcomeCode_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["outcomes"]![1]!["code"] = "advice");

        AssertError(ex, "outcome advice", "duplicate code");
    }

    [Fact]
    public void CrosswalkLevelMissing_IsAGap()
    {
        var ex = ShippedFiles.LoadFails(json => json["crosswalk"]!["levels"]!.AsArray().RemoveAt(1));

        AssertError(ex, "crosswalk", "gap: level early_support has no place on the common scale");
    }

    [Fact]
    public void CrosswalkLeavingACommonPointUncovered_IsAGap()
    {
        var ex = ShippedFiles.LoadFails(json => json["crosswalk"]!["levels"]![2]!["from"] = 4);

        AssertError(ex, "crosswalk", "gap: no level maps to common point 3");
    }

    [Fact]
    public void CrosswalkOutOfOrder_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json =>
        {
            json["crosswalk"]!["levels"]![0]!["from"] = 2;
            json["crosswalk"]!["levels"]![0]!["to"] = 2;
            json["crosswalk"]!["levels"]![1]!["from"] = 1;
            json["crosswalk"]!["levels"]![1]!["to"] = 1;
        });

        AssertError(ex, "crosswalk", "must keep the levels' order");
    }

    [Fact]
    public void CrosswalkPointOutsideTheScale_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["crosswalk"]!["levels"]![3]!["to"] = 5);

        AssertError(ex, "crosswalk", "level immediate_protection maps to 4-5");
    }

    [Fact]
    public void ThreeLevels_AreRefused()
    {
        var ex = ShippedFiles.LoadFails(json => json["levels"]!.AsArray().RemoveAt(3));

        AssertError(ex, "levels", "exactly four levels");
    }

    [Fact]
    public void TwoLevelsSharingAName_AreRefused()
    {
        var ex = ShippedFiles.LoadFails(json => json["levels"]![1]!["names"]!.AsArray().Add("Universal"));

        AssertError(ex, "level early_support", "duplicate code or name 'Universal': level universal has it too");
    }

    [Fact]
    public void ANameThatReadsAsAnotherLevelsNumber_IsRefused()
    {
        var ex = ShippedFiles.LoadFails(json => json["levels"]![1]!["names"]!.AsArray().Add("Level 3"));

        AssertError(ex, "level early_support", "reads as level 3");
    }

    [Fact]
    public void DuplicateLevelNumber_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["levels"]![1]!["number"] = 1);

        AssertError(ex, "level early_support", "duplicate number 1");
    }

    [Fact]
    public void DescribeNeedPhraseWithUnknownLevel_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["describe_need"]!["phrases"]![1]!["level"] = "thriving");

        AssertError(ex, "describe_need phrase Thriving", "level 'thriving' is not a level");
    }

    [Fact]
    public void RuleMissingAParameter_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]![1]!["parameters"]!.AsObject().Remove("min_domains"));

        AssertError(ex, "engine rule accumulation", "parameter min_domains is missing");
    }

    [Fact]
    public void RuleWithAnUnknownParameter_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]![0]!["parameters"]!["weight"] = 2);

        AssertError(ex, "engine rule top_level_on_its_own", "parameter weight is not a parameter");
    }

    [Fact]
    public void RuleOfAnUnknownKind_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]![2]!["kind"] = "majority_vote");

        AssertError(ex, "engine rule isolated_higher", "kind 'majority_vote' is not one of");
    }

    [Fact]
    public void RuleWithoutAQuote_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]![1]!["rests_on"] = new JsonArray());

        AssertError(ex, "engine rule accumulation", "rests_on is missing");
    }

    [Fact]
    public void MissingHighestPresentRule_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]!.AsArray().RemoveAt(3));

        AssertError(ex, "engine", "a highest_present rule is required");
    }

    [Fact]
    public void AccumulationThatOverlapsIsolation_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["engine"]!["rules"]![1]!["parameters"]!["min_indicators"] = 2);

        AssertError(ex, "engine rule accumulation", "min_indicators must be more than isolated_higher's max_indicators");
    }

    [Fact]
    public void PartnershipThatIsNotItsFolder_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["partnership"] = "coventry");

        AssertError(ex, "(header)", "does not match the folder 'warwickshire'");
    }

    [Fact]
    public void EffectiveToBeforeEffectiveFrom_IsNamed()
    {
        var ex = ShippedFiles.LoadFails(json => json["effective_to"] = "2023-12-31");

        AssertError(ex, "(header)", "effective_to 2023-12-31 is before effective_from 2024-01-01");
    }

    [Fact]
    public void MisspeltField_IsRefusedNotIgnored()
    {
        var ex = ShippedFiles.LoadFails(json => Indicator(json, 0)["top_level_on_it_own"] = true);

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith("framework-2024-01.json", error.File, StringComparison.Ordinal);
        Assert.Contains("top_level_on_it_own", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidJson_IsNamedWithItsPosition()
    {
        using var temp = new TempDirectory();
        temp.Write(ShippedFiles.WarwickshireFile, "{ \"partnership\": \"warwickshire\", \"levels\": [ }");

        var ex = Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith("framework-2024-01.json", error.File, StringComparison.Ordinal);
        Assert.Contains("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartnershipFolderWithoutAFrameworkFile_IsNamed()
    {
        using var temp = new TempDirectory();
        temp.Write("coventry/localities.csv", "locality_code,locality_name,area,population_0_17\n");

        var ex = Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));

        Assert.Contains(ex.Errors, e => e.File.EndsWith("coventry", StringComparison.Ordinal) && e.Message.Contains("no framework-*.json", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryErrorIsReported_NotOnlyTheFirst()
    {
        var ex = ShippedFiles.LoadFails(json =>
        {
            Indicator(json, 0)["level"] = "nope";
            Indicator(json, 3)["domain"] = "nope";
            json["outcomes"]![0]!["level"] = "nope";
        });

        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void OverlappingVersions_AreNamed()
    {
        using var temp = new TempDirectory();
        var first = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        first["effective_to"] = "2025-06-30";
        temp.Write(ShippedFiles.WarwickshireFile, first);
        var second = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        second["version"] = "2025-01";
        second["effective_from"] = "2025-01-01";
        temp.Write("warwickshire/framework-2025-01.json", second);

        var ex = Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));

        AssertError(ex, "version 2025-01", "effective dates overlap version 2024-01", "framework-2025-01.json");
        Assert.Contains("2024-01-01 to 2025-06-30", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionsStartingTheSameDay_Overlap()
    {
        using var temp = new TempDirectory();
        temp.Write(ShippedFiles.WarwickshireFile, ShippedFiles.Json(ShippedFiles.WarwickshireFile));
        var second = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        second["version"] = "2024-01b";
        temp.Write("warwickshire/framework-2024-01b.json", second);

        var ex = Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));

        Assert.Contains(ex.Errors, e => e.Entry.StartsWith("version 2024-01", StringComparison.Ordinal) && e.Message.Contains("overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateVersion_IsNamed()
    {
        using var temp = new TempDirectory();
        temp.Write(ShippedFiles.WarwickshireFile, ShippedFiles.Json(ShippedFiles.WarwickshireFile));
        var second = ShippedFiles.Json(ShippedFiles.WarwickshireFile);
        second["effective_from"] = "2026-01-01";
        temp.Write("warwickshire/framework-2026-01.json", second);

        var ex = Assert.Throws<FrameworkValidationException>(() => FrameworkCatalog.LoadFrom(temp.Path));

        AssertError(ex, "version 2024-01", "duplicate version", "framework-2026-01.json");
    }
}
