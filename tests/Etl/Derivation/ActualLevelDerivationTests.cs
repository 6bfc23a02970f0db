using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Derivation;

/// <summary>CONTRACT.md section 3, case by case, for Warwickshire (levels 1-4; window 30 days).</summary>
public sealed class ActualLevelDerivationTests : IDisposable
{
    private readonly LoadHarness harness = new();

    public void Dispose() => harness.Dispose();

    private void Consultations(params (string Id, string Date, string Outcome, string Recommended, string Actual)[] rows)
    {
        var csv = new ConsultationCsv();
        foreach (var (id, date, outcome, recommended, actual) in rows)
        {
            csv.Add(id, r =>
            {
                r["consultation_date"] = date;
                r["decision_date"] = date;
                r["outcome"] = outcome;
                r["recommended_level"] = recommended;
                r["actual_level"] = actual;
                r["consent"] = outcome == "child_protection" ? "not_required" : "given";
            });
        }
        harness.Drop("warwickshire", "consultations.csv", csv.Build());
    }

    /// <summary>Contacts on the first and last day make a return covering 1 May to 31 August 2026.</summary>
    private void CoverMayToAugust() =>
        harness.Drop("warwickshire", "list1.csv", AnnexACsv.List(1, ("COVER", "2026-05-01", ""), ("COVER", "2026-08-31", "")));

    private (int? Level, string Source) Actual(string id)
    {
        var row = harness.Rows("SELECT actual_level, actual_source FROM fact.consultation WHERE consultation_id = $1", id).Single();
        return (row[0] is int level ? level : null, (string)row[1]!);
    }

    [Fact]
    public void A_load_that_stopped_before_deriving_is_derived_by_the_next_load_even_with_nothing_new()
    {
        Consultations(("C", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list3.csv", AnnexACsv.List(3, ("C", "2026-06-05", "No")));
        harness.Load();
        Assert.Equal(0L, harness.Scalar<long>("SELECT count(*) FROM ops.derivation_pending"));

        // As a load leaves the warehouse when it is killed (or the disk fills) after committing a
        // file and before deriving: the file's rows underived, and the file's mark still there.
        harness.Connection.Execute("UPDATE fact.consultation SET actual_level = NULL, actual_source = NULL");
        harness.Connection.Execute("INSERT INTO ops.derivation_pending VALUES ('warwickshire', now())");

        var report = harness.Load();

        Assert.Equal((3, "annex_a"), Actual("C"));
        Assert.Equal(0L, harness.Scalar<long>("SELECT count(*) FROM ops.derivation_pending"));
        Assert.Equal(["warwickshire"], report.PartnershipsChanged);
    }

    [Fact]
    public void A_recorded_actual_level_is_used_as_it_is()
    {
        Consultations(("R", "2026-06-01", "family_help_assessment", "family_help", "2"));
        CoverMayToAugust();
        harness.Load();
        Assert.Equal((2, "recorded"), Actual("R"));
    }

    [Fact]
    public void A_recorded_level_whose_stored_answer_was_lost_is_derived_again()
    {
        Consultations(("R", "2026-06-01", "family_help_assessment", "family_help", "2"));
        harness.Load();
        Assert.Equal((2, "recorded"), Actual("R"));

        // The load writes a recorded level as it inserts; the derivation skips such rows only while
        // what is stored is exactly what it would write.
        harness.Connection.Execute("UPDATE fact.consultation SET actual_level = NULL, actual_source = NULL, actual_window_end = NULL");
        harness.Connection.Execute("INSERT INTO ops.derivation_pending VALUES ('warwickshire', now())");
        harness.Load();

        Assert.Equal((2, "recorded"), Actual("R"));
        Assert.Equal("2026-07-01", harness.Scalar<string>("SELECT actual_window_end::VARCHAR FROM fact.consultation WHERE consultation_id = 'R'"));
    }

    [Fact]
    public void A_confirming_event_in_the_window_gives_the_outcomes_level()
    {
        Consultations(("C", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list3.csv", AnnexACsv.List(3, ("C", "2026-06-05", "No")));
        harness.Load();
        Assert.Equal((3, "annex_a"), Actual("C"));
    }

    [Fact]
    public void A_visible_outcome_with_no_event_for_a_child_not_open_is_level_1()
    {
        Consultations(("N", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Load();
        Assert.Equal((1, "annex_a"), Actual("N"));
    }

    [Fact]
    public void An_nfa_referral_does_not_confirm_a_family_help_assessment()
    {
        Consultations(("NFA", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list3.csv", AnnexACsv.List(3, ("NFA", "2026-06-03", "Yes")));
        harness.Load();
        Assert.Equal((1, "annex_a"), Actual("NFA"));
    }

    [Fact]
    public void A_section_47_in_the_window_is_the_top_level_whatever_the_outcome()
    {
        Consultations(("S", "2026-06-01", "early_support_assessment", "early_support", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list5.csv", AnnexACsv.List(5, ("S", "2026-06-20", "2026-07-01")));
        harness.Load();
        Assert.Equal((4, "annex_a"), Actual("S"));
    }

    [Fact]
    public void An_event_after_the_window_does_not_count()
    {
        Consultations(("LATE", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list5.csv", AnnexACsv.List(5, ("LATE", "2026-07-02", "")));
        harness.Load();
        Assert.Equal((1, "annex_a"), Actual("LATE"));
    }

    [Fact]
    public void A_child_already_open_gets_at_least_the_frameworks_floor()
    {
        Consultations(("CIN", "2026-06-01", "early_support_assessment", "early_support", ""),
                      ("CP", "2026-06-01", "early_support_assessment", "early_support", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list6.csv", AnnexACsv.List(6, ("CIN", "2025-01-10", "")));
        harness.Drop("warwickshire", "list7.csv", AnnexACsv.List(7, ("CP", "2026-03-01", "")));
        harness.Load();
        Assert.Equal((3, "annex_a"), Actual("CIN"));   // List 6: at least Family Help
        Assert.Equal((4, "annex_a"), Actual("CP"));    // List 7: at least immediate protection
    }

    [Fact]
    public void An_outcome_not_visible_in_annex_a_is_raised_when_events_show_more()
    {
        Consultations(("ADV", "2026-06-01", "advice", "universal", ""),
                      ("ADV2", "2026-06-01", "advice", "universal", ""));
        CoverMayToAugust();
        harness.Drop("warwickshire", "list4.csv", AnnexACsv.List(4, ("ADV", "2026-06-10", "")));
        harness.Load();
        Assert.Equal((3, "annex_a"), Actual("ADV"));
        Assert.Equal((1, "annex_a"), Actual("ADV2"));
    }

    [Fact]
    public void A_window_not_closed_by_the_cut_off_is_pending_and_uncovered_windows_are_implied()
    {
        Consultations(("PEND", "2026-08-15", "family_help_assessment", "family_help", ""),
                      ("EARLY", "2026-04-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Load();
        Assert.Equal((null, "pending"), Actual("PEND"));
        Assert.Equal((3, "implied"), Actual("EARLY"));
    }

    [Fact]
    public void Without_any_annex_a_every_closed_window_is_implied_from_the_outcome()
    {
        Consultations(("I", "2026-06-01", "early_support_assessment", "early_support", ""),
                      ("LAST", "2026-09-14", "family_help_assessment", "family_help", ""));
        harness.Load();
        Assert.Equal((2, "implied"), Actual("I"));
        Assert.Equal((null, "pending"), Actual("LAST"));
    }

    [Fact]
    public void A_new_return_changes_the_answer()
    {
        Consultations(("CH", "2026-06-01", "family_help_assessment", "family_help", ""));
        CoverMayToAugust();
        harness.Load();
        Assert.Equal((1, "annex_a"), Actual("CH"));

        harness.Drop("warwickshire", "list2.csv", AnnexACsv.List(2, ("CH", "2026-06-12", "2026-07-01")));
        harness.Load();
        Assert.Equal((3, "annex_a"), Actual("CH"));
    }
}
