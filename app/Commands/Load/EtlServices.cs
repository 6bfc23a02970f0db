using Warehouse.App.Settings;
using Warehouse.Etl.Governance;
using Warehouse.Etl.Loading;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Load;

/// <summary>Builds the ETL's pieces from the settings: frameworks, reference data, options, keys.</summary>
internal static class EtlServices
{
    internal static FrameworkCatalog Frameworks(WarehouseSettings settings) =>
        Directory.Exists(settings.FrameworksFolder) ? FrameworkCatalog.LoadFrom(settings.FrameworksFolder) : FrameworkCatalog.LoadEmbedded();

    internal static ReferenceDataSet Reference(WarehouseSettings settings) =>
        Directory.Exists(settings.FrameworksFolder) ? ReferenceData.LoadFrom(settings.FrameworksFolder) : ReferenceData.LoadEmbedded();

    internal static LoadOptions Options(WarehouseSettings settings) => new()
    {
        RejectShareLimit = settings.RejectShareThreshold,
        ActualLevelWindowDays = settings.ActualLevelWindowDays,
        ProcessedRetentionDays = settings.ProcessedRetentionDays,
    };

    internal static InboxLoader Loader(WarehouseSettings settings, TimeProvider time) =>
        new(Frameworks(settings), Reference(settings), Options(settings), time);

    /// <summary>
    /// The key chain, after checking it is the one the warehouse was keyed with (an interrupted
    /// rotation or an old key file would make every new row unlinkable).
    /// </summary>
    internal static PseudonymKeyChain Keys(WarehouseSettings settings, DuckDbConnection warehouse)
    {
        var status = KeyRotation.Check(warehouse, settings.KeyFile);
        if (!status.Usable) throw new PseudonymKeyException(status.Message);
        return PseudonymKeyChain.Load(settings.KeyFile);
    }
}
