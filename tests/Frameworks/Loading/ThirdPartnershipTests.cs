namespace Warehouse.Frameworks.Tests;

/// <summary>A third partnership is files, not code: a small made-up framework and its localities, dropped beside the shipped ones.</summary>
public sealed class ThirdPartnershipTests
{
    private const string Framework = """
        {
          // Comments and trailing commas are allowed: partnerships edit these files by hand.
          "format": 1,
          "partnership": "newshire",
          "partnership_name": "Newshire Safeguarding Children Partnership (made up)",
          "version": "2025-04",
          "effective_from": "2025-04-01",
          "source": { "title": "Newshire Continuum of Need", "publisher": "Newshire", "date_note": "Made up for a test." },
          "not_a_checklist": { "quote": "These examples are not a checklist.", "where": "Introduction" },
          "levels": [
            { "code": "green", "number": 1, "names": ["Green", "Thriving families"], "description": "Universal." },
            { "code": "amber", "number": 2, "names": ["Amber"], "description": "Extra help." },
            { "code": "red", "number": 3, "names": ["Red"], "description": "Coordinated help." },
            { "code": "purple", "number": 4, "names": ["Purple", "Protection"], "description": "Statutory." },
          ],
          "ambiguous_terms": [ { "text": "Help", "levels": ["amber", "red"], "quote": "Help covers amber and red." } ],
          "domains": [
            { "code": "home", "name": "Home" },
            { "code": "school", "name": "School" },
            { "code": "health", "name": "Health" }
          ],
          "indicators": [
            { "code": "NEW-1", "level": "green", "domain": "home", "text": "Settled home." },
            { "code": "NEW-2", "level": "amber", "domain": "home", "text": "Rent arrears." },
            { "code": "NEW-3", "level": "amber", "domain": "school", "text": "Late to school." },
            { "code": "NEW-4", "level": "red", "domain": "health", "text": "Missed treatment." },
            { "code": "NEW-5", "level": "purple", "domain": "home", "text": "Disclosure of abuse.", "top_level_on_its_own": true },
            { "code": "NEW-6", "level": "purple", "domain": "school", "text": "Excluded and missing." }
          ],
          "outcomes": [
            { "code": "advice", "label": "Advice", "level": "green", "visible_in_annex_a": false, "confirmed_by": [], "requires_consent": true },
            { "code": "help", "label": "Help plan", "level": "red", "visible_in_annex_a": true, "confirmed_by": ["early_help_assessment"], "requires_consent": true },
            { "code": "s47", "label": "Section 47", "level": "purple", "visible_in_annex_a": true, "confirmed_by": ["section47"], "requires_consent": false }
          ],
          "open_case_floors": [ { "list": "child_protection_plan", "level": "purple" } ],
          "engine": { "rules": [
            { "id": "own", "kind": "top_level_on_its_own", "parameters": {}, "rests_on": [ { "quote": "Refer at once." } ], "judgement": "Made up." },
            { "id": "pile_up", "kind": "accumulation", "parameters": { "min_indicators": 2, "min_domains": 2, "min_level": 2, "max_result_level": 3 }, "rests_on": [ { "quote": "Many small worries add up." } ], "judgement": "Made up." },
            { "id": "highest", "kind": "highest_present", "parameters": {}, "rests_on": [ { "quote": "Examples at each level." } ], "judgement": "Made up." }
          ] },
          "crosswalk": {
            "levels": [ { "level": "green", "from": 1, "to": 1 }, { "level": "amber", "from": 2, "to": 2 }, { "level": "red", "from": 3, "to": 3 }, { "level": "purple", "from": 4, "to": 4 } ],
            "caveats": [ { "text": "Made up." } ]
          }
        }
        """;

    private const string Localities = """
        locality_code,locality_name,area,population_0_17
        NE,Newtown East,East,12000
        NW,"Newtown West, Old Town",West,9500
        """;

    [Fact]
    public void MadeUpPartnership_LoadsBesideTheShippedOnes_WithoutACodeChange()
    {
        using var temp = TempDirectory.WithShippedData();
        temp.Write("newshire/framework-2025-04.json", Framework);
        temp.Write("newshire/localities.csv", Localities);

        var catalog = FrameworkCatalog.LoadFrom(temp.Path);
        var reference = ReferenceData.LoadFrom(temp.Path);

        Assert.Equal(["newshire", "warwickshire", "worcestershire"], catalog.Partnerships);
        var newshire = catalog.VersionFor("newshire", new DateOnly(2025, 6, 1));
        Assert.NotNull(newshire);
        Assert.Null(catalog.VersionFor("newshire", new DateOnly(2025, 3, 31)));
        Assert.Equal(3, newshire.ParseLevel("Red").Number);
        Assert.Equal(4, newshire.ParseLevel("protection").Number);
        Assert.Contains("amber and red", newshire.ParseLevel("help").Error, StringComparison.Ordinal);
        Assert.Equal("purple", newshire.OpenCaseFloorFor(OpenCaseList.ChildProtectionPlan)?.Code);
        Assert.Null(newshire.OpenCaseFloorFor(OpenCaseList.ChildInNeed));
        Assert.Null(newshire.DescribeNeed);
        Assert.True(newshire.Crosswalk.IsOneToOne);
        Assert.Equal(["NE", "NW"], reference.LocalitiesFor("newshire").Select(l => l.Code));
        Assert.Equal("Newtown West, Old Town", reference.LocalitiesFor("newshire")[1].Name);
        Assert.Equal(23, reference.Agencies.Count);
    }

    [Fact]
    public void MadeUpPartnership_RunsThroughTheEngineWithItsOwnRules()
    {
        using var temp = new TempDirectory();
        temp.Write("newshire/framework-2025-04.json", Framework);
        var f = FrameworkCatalog.LoadFrom(temp.Path).Get("newshire").Latest;

        var top = LevelEngine.Explain(f, ["NEW-1", "NEW-5"]);
        var piled = LevelEngine.Explain(f, ["NEW-2", "NEW-3"]);
        var purple = LevelEngine.Explain(f, ["NEW-6"]);

        Assert.Equal(("purple", "own"), (top.Level?.Code, top.RuleId));
        Assert.Equal(["NEW-5"], top.Behind.Select(i => i.Code));
        Assert.Equal(("red", "pile_up", IndicationCertainty.Borderline), (piled.Level?.Code, piled.RuleId, piled.Certainty));
        // No isolated_higher rule in this file: a lone top indicator is simply the highest present.
        Assert.Equal(("purple", "highest", IndicationCertainty.Clear), (purple.Level?.Code, purple.RuleId, purple.Certainty));
    }

    [Fact]
    public void MadeUpPartnershipWithoutLocalities_IsAReferenceDataError()
    {
        using var temp = TempDirectory.WithShippedData();
        temp.Write("newshire/framework-2025-04.json", Framework);

        var ex = Assert.Throws<ReferenceDataException>(() => ReferenceData.LoadFrom(temp.Path));

        var error = Assert.Single(ex.Errors);
        Assert.EndsWith(Path.Combine("newshire", "localities.csv"), error.File, StringComparison.Ordinal);
        Assert.Equal("the file is missing", error.Message);
    }
}
