using System.Diagnostics;
using Warehouse.Reports.Packs;

namespace Warehouse.Bench.Checks;

/// <summary>
/// The complete monthly output for one partnership from a check run — executive workbook, CSVs,
/// tidy CSV, every chart (SVG and PNG), every locality briefing, the QA workbook — against DuckDB
/// writing the run's published results (analytics.measures and agreement_results) to CSV.
/// </summary>
internal static class OutputsBenchmark
{
    internal static Measurement Run(long consultations, string workFolder, string runId)
    {
        var path = LoadedWarehouse.Prepare(consultations, workFolder);
        using var warehouse = LoadedWarehouse.Open(path);
        var output = Path.Combine(workFolder, $"out-{consultations}");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);

        var baseline = Stopwatch.StartNew();
        warehouse.Execute($"COPY (SELECT * FROM analytics.measures WHERE run_id = '{runId}') TO '{Path.Combine(output, "measures.csv")}' (HEADER)");
        warehouse.Execute($"COPY (SELECT * FROM analytics.agreement_results WHERE run_id = '{runId}') TO '{Path.Combine(output, "agreement.csv")}' (HEADER)");
        baseline.Stop();

        using var heap = HeapSampler.Start();
        var before = GC.GetTotalAllocatedBytes();
        var pack = Stopwatch.StartNew();
        var result = PackBuilder.Build(warehouse, runId, new PackOptions
        {
            OutputFolder = Path.Combine(output, "publishable"),
            RestrictedFolder = Path.Combine(output, "restricted"),
        }, new LoadedWarehouse.FixedNow(LoadedWarehouse.Now));
        pack.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - before;
        heap.Dispose();
        return new Measurement($"monthly outputs ({result.Files.Count} files; managed heap peak {heap.PeakBytes / (1 << 20):N0} MiB, {allocated / (1 << 20):N0} MiB allocated)", consultations, baseline.Elapsed, pack.Elapsed,
            Process.GetCurrentProcess().PeakWorkingSet64, "baseline: DuckDB COPY of the run's measures and agreement results to CSV");
    }
}
