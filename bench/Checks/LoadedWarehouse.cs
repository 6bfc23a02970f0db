using System.Text;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;
using Warehouse.Synthetic;

namespace Warehouse.Bench.Checks;

/// <summary>
/// A warehouse of N generated Warwickshire consultations over twelve months, with their Annex A
/// returns, loaded through the inbox once per size and reused by later runs (the checks and the
/// outputs read it; they never change it apart from recording their own results).
/// </summary>
internal static class LoadedWarehouse
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    internal static string Prepare(long consultations, string workFolder)
    {
        var folder = Path.Combine(workFolder, $"warehouse-{consultations}");
        var path = Path.Combine(folder, "warehouse.duckdb");
        var ready = Path.Combine(folder, "ready");
        if (File.Exists(ready)) return path;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var inbox = Path.Combine(folder, "inbox");
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261122,
            OutputFolder = inbox,
            Partnerships = ["warwickshire"],
            Start = new DateOnly(2025, 10, 1),
            Months = 12,
            ConsultationsPerPartnership = (int)consultations,
            PlantInconsistencies = true,
            Messy = false,
        });
        var keys = PseudonymKeyChain.FromKeys([Encoding.UTF8.GetBytes("benchmark key, not for real data")]);
        using (var warehouse = WarehouseFile.Open(path))
        {
            new InboxLoader(FrameworkCatalog.LoadEmbedded(), ReferenceData.LoadEmbedded(), new LoadOptions(), new FixedNow(Now))
                .Load(warehouse, inbox, keys);
        }
        Directory.Delete(inbox, recursive: true);
        File.WriteAllText(ready, "loaded");
        return path;
    }

    internal sealed class FixedNow(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    internal static DuckDbConnection Open(string path) => WarehouseFile.Open(path);
}
