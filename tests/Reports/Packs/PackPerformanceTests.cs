using System.Diagnostics;
using Warehouse.Analytics.Runs;
using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;
using Xunit.Abstractions;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// The complete monthly output for one partnership from a warehouse of 1,000,000 consultations: under
/// 5 seconds, and memory that does not grow with the warehouse (only aggregated rows are read).
/// Slow to set up (generating the rows and running the checks), so it runs on request.
/// </summary>
public sealed class PackPerformanceTests(ITestOutputHelper output)
{
    [RequiresEnvironmentFact("WAREHOUSE_PERF", "builds a 1,000,000-consultation warehouse")]
    public void MonthlyOutput_FromAMillionConsultations_TakesUnderFiveSeconds_AndMemoryDoesNotGrowWithTheWarehouse()
    {
        var small = Measure(100_000);
        var large = Measure(1_000_000);

        output.WriteLine($"100k: {small.Elapsed.TotalSeconds:F2} s, {small.Allocated / 1e6:F0} MB allocated; 1M: {large.Elapsed.TotalSeconds:F2} s, {large.Allocated / 1e6:F0} MB allocated");
        Assert.True(large.Elapsed < TimeSpan.FromSeconds(5), $"the monthly output took {large.Elapsed.TotalSeconds:F2} s");
        // Ten times the consultations: the pack reads the same few thousand aggregated rows (the QA workbook
        // streams its case rows), so what it allocates must not grow anything like tenfold.
        Assert.True(large.Allocated < small.Allocated * 2, $"allocations grew from {small.Allocated:N0} to {large.Allocated:N0} bytes");
        Assert.True(large.Allocated < 300_000_000, $"{large.Allocated:N0} bytes allocated for a million consultations");
    }

    private (TimeSpan Elapsed, long Allocated) Measure(int consultations)
    {
        using var temp = new TempFolder();
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        Migrator.Apply(connection);
        var setup = Stopwatch.StartNew();
        Generate(connection, consultations);
        var runId = CheckRunner.Run(connection, new CheckRequest { Partnership = "warwickshire", Month = "2026-10", CutOff = new DateOnly(2026, 11, 5) }, TimeProvider.System);
        output.WriteLine($"{consultations:N0} consultations generated and checked in {setup.Elapsed.TotalSeconds:F1} s");

        var options = PackOutput.OptionsFor(temp.Path, inlineStrings: false);
        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = PackBuilder.Build(connection, runId, options, TimeProvider.System);
        var elapsed = clock.Elapsed;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{consultations:N0}: {elapsed.TotalSeconds:F2} s; {result.Files.Count} files; [c] {result.Suppressed}, [u] {result.LowReliability}, shown {result.Published}");
        foreach (var timing in result.Timings)
        {
            output.WriteLine($"  {timing.Stage}: {timing.Elapsed.TotalMilliseconds:F0} ms");
        }

        return (elapsed, allocated);
    }

    /// <summary>Consultations spread over 2020 to October 2026 for one Warwickshire-like partnership, in SQL.</summary>
    private static void Generate(DuckDbConnection connection, int consultations)
    {
        connection.Execute($"""
            INSERT INTO dim.partnership VALUES ('warwickshire', 'Warwickshire');
            INSERT INTO dim.framework_version VALUES ('warwickshire', 'v1', DATE '2000-01-01', NULL);
            INSERT INTO dim.locality VALUES ('warwickshire', 'NWA', 'North Warwickshire', 'North', 13000), ('warwickshire', 'NUN', 'Nuneaton and Bedworth', 'North', 28000), ('warwickshire', 'RUG', 'Rugby', 'East', 24000), ('warwickshire', 'STR', 'Stratford-on-Avon', 'South', 24000), ('warwickshire', 'WAR', 'Warwick', 'South', 28000);
            INSERT INTO dim.agency SELECT 'warwickshire', code, code, sector, '8' FROM (VALUES ('POLICE', 'police'), ('SCHOOL', 'education'), ('GP', 'health'), ('HEALTH_VISITOR', 'health'), ('ED', 'health'), ('HOUSING', 'local_authority'), ('EARLY_HELP', 'local_authority'), ('FAMILY', 'individual'), ('VOLUNTARY', 'voluntary'), ('PROBATION', 'other')) t(code, sector);
            INSERT INTO dim.level VALUES ('warwickshire', 'v1', 1, 'universal', 'Universal'), ('warwickshire', 'v1', 2, 'early_support', 'Early Support'), ('warwickshire', 'v1', 3, 'family_help', 'Family Help'), ('warwickshire', 'v1', 4, 'immediate_protection', 'Immediate protection');
            INSERT INTO dim.outcome VALUES ('warwickshire', 'v1', 'advice', 'Advice', 1, false, true), ('warwickshire', 'v1', 'single_agency', 'Single agency', 2, false, true), ('warwickshire', 'v1', 'family_help_assessment', 'Family Help assessment', 3, true, true), ('warwickshire', 'v1', 'child_protection', 'Child protection', 4, true, false);
            UPDATE dim.calendar SET holidays_known = year BETWEEN 2019 AND 2027, is_working_day = NOT is_weekend;
            SELECT setseed(0.42);
            CREATE TEMP TABLE gen AS
            SELECT i,
                   (DATE '2020-01-01' + CAST(floor(random() * 2495) AS INTEGER)) AS d,
                   1 + CAST(floor(random() * 4) AS INTEGER) AS rec,
                   random() AS s, random() AS noise, random() AS pick
            FROM (SELECT CAST(range AS INTEGER) AS i FROM range({consultations}));
            INSERT INTO fact.consultation (partnership, consultation_id, child_key, age_band, sex, ethnicity_group, disability, consultation_at, consultation_date,
                decision_date, locality, caller_agency, contact_source, contact_source_derived, consent, caller_level, recommended_level, recommended_implied,
                outcome, actual_level_recorded, team, framework_version, file_id, source_row, actual_level, actual_source, actual_window_end, indicated_level)
            SELECT 'warwickshire', 'P-' || i, 'ck-' || (i % 400000)::VARCHAR,
                   ['under 1', '1-4', '5-9', '10-15', '16 and over'][1 + (i % 5)], ['F', 'M'][1 + (i % 2)], ['White', 'Mixed', 'Asian', 'Black', 'Other'][1 + (i % 5)], i % 10 = 0,
                   d::TIMESTAMP, d, d + CAST(i % 3 AS INTEGER), CASE WHEN i % 40 = 0 THEN 'RUG' ELSE ['NUN', 'NUN', 'WAR', 'WAR', 'STR', 'STR', 'NWA'][1 + (i % 7)] END,
                   CASE WHEN i % 500 = 7 THEN 'PROBATION' ELSE ['POLICE', 'POLICE', 'SCHOOL', 'SCHOOL', 'GP', 'HEALTH_VISITOR', 'ED', 'HOUSING', 'EARLY_HELP', 'FAMILY', 'VOLUNTARY'][1 + ((i // 8) % 11)] END, '8', false,
                   CASE WHEN rec = 4 THEN NULL ELSE ['given', 'given', 'refused', 'not_sought'][1 + (i % 4)] END,
                   1 + (i % 4), rec, false, ['advice', 'single_agency', 'family_help_assessment', 'child_protection'][rec],
                   CASE WHEN s < 0.4 THEN least(4, greatest(1, rec + CASE WHEN noise < 0.7 THEN 0 WHEN noise < 0.82 THEN -1 WHEN noise < 0.96 THEN 1 WHEN noise < 0.995 THEN -2 ELSE -3 END)) END,
                   CASE WHEN i % 100 = 3 THEN 'Out of hours' ELSE ['Team A', 'Team B', 'Team C'][1 + (i % 3)] END, 'v1', 'file-1', i,
                   CASE WHEN s < 0.4 OR d + 30 <= DATE '2026-11-05' THEN least(4, greatest(1, rec + CASE WHEN noise < 0.7 THEN 0 WHEN noise < 0.82 THEN -1 WHEN noise < 0.96 THEN 1 WHEN noise < 0.995 THEN -2 ELSE -3 END)) END,
                   CASE WHEN s < 0.4 THEN 'recorded' WHEN d + 30 > DATE '2026-11-05' THEN 'pending' WHEN s < 0.85 THEN 'annex_a' ELSE 'implied' END,
                   CASE WHEN s < 0.4 THEN NULL ELSE d + 30 END,
                   CASE WHEN pick < 0.5 THEN rec END
            FROM gen;
            INSERT INTO ops.annex_a_returns SELECT 'r1', 'warwickshire', l, DATE '2019-10-01', DATE '2026-10-31', TIMESTAMPTZ '2026-11-02 09:00:00+00' FROM range(1, 8) t(l);
            INSERT INTO fact.annex_a_event (partnership, return_id, list_number, event_kind, child_key, event_date, referral_nfa, sheet, source_row)
            SELECT 'warwickshire', 'r1', 3, 'referral', child_key, consultation_date + 3, (source_row % 10 = 0), 'List', 2
            FROM fact.consultation WHERE source_row % 3 = 0;
            DROP TABLE gen;
            """);
    }
}
