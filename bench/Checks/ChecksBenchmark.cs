using System.Diagnostics;
using Warehouse.Analytics.Runs;

namespace Warehouse.Bench.Checks;

/// <summary>
/// All checks for one partnership-month (the pack month September 2026) over a loaded warehouse,
/// against DuckDB's own one-pass aggregation of the same recommended → actual matrices for every
/// grouping (the core of the checks' SQL, without the statistics or the recording).
/// </summary>
internal static class ChecksBenchmark
{
    private const string Baseline = """
        SELECT locality, caller_agency, team, age_band, sex, ethnicity_group, disability, date_trunc('month', consultation_date) AS month,
               recommended_level, actual_level, count(*)
        FROM fact.consultation
        WHERE partnership = 'warwickshire' AND actual_level IS NOT NULL AND NOT recommended_implied
        GROUP BY GROUPING SETS ((recommended_level, actual_level), (locality, recommended_level, actual_level),
            (caller_agency, recommended_level, actual_level), (team, recommended_level, actual_level),
            (age_band, recommended_level, actual_level), (sex, recommended_level, actual_level),
            (ethnicity_group, recommended_level, actual_level), (disability, recommended_level, actual_level),
            (month, recommended_level, actual_level))
        """;

    internal static (Measurement Checks, string RunId) Run(long consultations, string workFolder)
    {
        var path = LoadedWarehouse.Prepare(consultations, workFolder);
        using var warehouse = LoadedWarehouse.Open(path);

        var baseline = Stopwatch.StartNew();
        using (var command = new Warehouse.Store.DuckDb.DuckDbCommand(Baseline, warehouse))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) { }
        }
        baseline.Stop();

        var checks = Stopwatch.StartNew();
        var report = CheckPipeline.Execute(warehouse, new CheckRequest { Partnership = "warwickshire", Month = "2026-09" }, new LoadedWarehouse.FixedNow(LoadedWarehouse.Now));
        checks.Stop();
        var runId = report.RunId;
        // Where the time went, for whoever is reading the console: the page keeps only the total.
        Console.Error.WriteLine($"  checks at {consultations:N0}: " + string.Join(", ", report.Timings.Select(t => $"{t.Stage} {t.Elapsed.TotalSeconds:F2} s")));
        return (new Measurement("all checks, one partnership-month", consultations, baseline.Elapsed, checks.Elapsed, Process.GetCurrentProcess().PeakWorkingSet64,
            "baseline: DuckDB's one-pass recommended → actual matrices for every grouping"), runId);
    }
}
