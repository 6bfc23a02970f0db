using Warehouse.Etl.Loading;
using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Sources.AnnexA;

/// <summary>The real-format Annex A samples in shared/fixtures/annex-a/ must load.</summary>
public sealed class AnnexAFixtureTests : IDisposable
{
    private readonly LoadHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("liia-tools-sample-annex-a.xlsx")]
    [InlineData("liia-tools-pipeline-sample-annex-a-2024-01.xlsx")]
    public void Both_real_format_samples_load_lists_1_to_7(string fixture)
    {
        harness.DropFile("warwickshire", SharedFolder.Path("fixtures", "annex-a", fixture));

        var file = Assert.Single(harness.Load().Files);

        Assert.True(file.Outcome == FileOutcome.Loaded, file.Reason);
        Assert.Equal("annex_a", file.Kind);
        var byList = harness.Rows("SELECT list_number, count(*) FROM fact.annex_a_event GROUP BY 1 ORDER BY 1")
            .ToDictionary(r => (int)r[0]!, r => (long)r[1]!);
        Assert.Equal(Enumerable.Range(1, 7), byList.Keys);
        Assert.Equal(5, byList[1]);
        Assert.Equal(6, byList[3]);
        // Lists 8 to 11 are skipped with a note, never rejected.
        Assert.Equal(4, harness.Scalar<long>("SELECT count(*) FROM ops.data_quality_warnings WHERE reason LIKE 'List % is not used%'"));
        // Coverage spans the earliest to the latest event date across Lists 1-5: List 4's continuous
        // assessments started as early as 2019-05-16 (serial 43601); List 6's 2010 CIN start is not counted.
        Assert.Equal(new DateTime(2019, 5, 16), harness.Scalar<DateTime>("SELECT min(coverage_start) FROM ops.annex_a_returns"));
    }

    [Fact]
    public void Messy_values_map_what_maps_and_keep_the_rest_as_warnings()
    {
        harness.DropFile("warwickshire", SharedFolder.Path("fixtures", "annex-a", "liia-tools-sample-annex-a.xlsx"));
        harness.Load();

        // 'a) Male' and 'Male' both become M; 'q) 6: Police' becomes 6; serial dates become dates.
        Assert.Equal("F", harness.Scalar<string>("SELECT sex FROM fact.annex_a_event WHERE list_number = 1 AND source_row = 2"));
        Assert.Equal("6", harness.Scalar<string>("SELECT source_code FROM fact.annex_a_event WHERE list_number = 1 AND source_row = 2"));
        Assert.Equal("1B", harness.Scalar<string>("SELECT source_code FROM fact.annex_a_event WHERE list_number = 1 AND source_row = 4"));
        Assert.Equal(new DateTime(2020, 9, 16), harness.Scalar<DateTime>("SELECT event_date FROM fact.annex_a_event WHERE list_number = 1 AND source_row = 2"));
        // 'CS Assessment Updated' where Yes/No is expected: stored as unknown, one warning per row, with sheet, row and column.
        Assert.Equal(0, harness.Scalar<long>("SELECT count(*) FROM fact.annex_a_event WHERE list_number = 4 AND requires_support IS NOT NULL"));
        var warning = harness.Rows("SELECT sheet, row_number, column_name, value FROM ops.data_quality_warnings WHERE sheet = 'List 4' ORDER BY row_number").First();
        Assert.Equal(["List 4", 2L, "Was the child assessed as requiring LA children's social care support?", "CS Assessment Updated"], warning);
    }

    [Fact]
    public void No_name_or_raw_child_id_from_the_sample_reaches_the_warehouse()
    {
        harness.DropFile("warwickshire", SharedFolder.Path("fixtures", "annex-a", "liia-tools-sample-annex-a.xlsx"));
        harness.Load();

        var found = IdentifierScan.TextColumnsContaining(harness.Connection, ["Dustin", "Hazlett", "Mathilde", "Franciszek", "9212044", "11973218"]);

        Assert.Empty(found);
    }

    [Fact]
    public void Loading_overlapping_returns_in_either_order_gives_the_same_events()
    {
        // Two returns over the same children: the second covers a later period that overlaps the first.
        var first = AnnexACsv.List(3, ("A", "2026-01-05", "No"), ("B", "2026-01-20", "No"), ("C", "2026-02-10", "No"));
        var second = AnnexACsv.List(3, ("B", "2026-01-21", "No"), ("C", "2026-02-10", "Yes"), ("D", "2026-03-02", "No"));

        string Events(LoadHarness h) => string.Join("; ", h.Rows(
            "SELECT event_date, referral_nfa FROM fact.annex_a_event ORDER BY event_date, referral_nfa").Select(r => $"{r[0]:yyyy-MM-dd}/{r[1]}"));

        harness.Drop("warwickshire", "jan-feb.csv", first);
        harness.Load();
        harness.Drop("warwickshire", "jan-mar.csv", second);
        harness.Load();
        var forwards = Events(harness);

        using var other = new LoadHarness();
        other.Drop("warwickshire", "jan-mar.csv", second);
        other.Load();
        other.Drop("warwickshire", "jan-feb.csv", first);
        other.Load();

        Assert.Equal(forwards, Events(other));
        // The newer return (ending 2 March) replaced what the older said inside its coverage (21 Jan - 2 Mar);
        // the older return's 5 and 20 January referrals stay, since no newer return covers them.
        Assert.Equal("2026-01-05/False; 2026-01-20/False; 2026-01-21/False; 2026-02-10/True; 2026-03-02/False", forwards);
    }
}
