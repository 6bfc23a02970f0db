using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.App.Tests.Support;

/// <summary>A real warehouse file with a few rows: a locality, a consultation, and run history.</summary>
internal static class TestWarehouse
{
    /// <summary>The pseudonym of the one test child; it must never reach a log.</summary>
    internal const string ChildKey = "c0ffee0123456789secretpseudonym";

    internal static void Create(string path, string? extraSql = null)
    {
        using var warehouse = WarehouseFile.Open(path);
        warehouse.Execute($"""
            INSERT INTO dim.locality VALUES ('warwickshire', 'NUN', 'Nuneaton', 'North', 21000);
            INSERT INTO dim.locality VALUES ('warwickshire', 'RUG', 'Rugby', 'East', 23000);
            INSERT INTO fact.consultation (partnership, consultation_id, child_key, consultation_at, consultation_date,
                locality, caller_agency, contact_source, contact_source_derived, recommended_implied, outcome,
                framework_version, file_id, source_row)
            VALUES ('warwickshire', 'C-0001', '{ChildKey}', TIMESTAMP '2026-03-02 10:15:00', DATE '2026-03-02',
                'NUN', 'POLICE', '6', false, false, 'early_support', '2024', 'file-1', 2);
            {extraSql ?? string.Empty}
            """);
    }

    internal static T Query<T>(string path, Func<DuckDbConnection, T> read)
    {
        using var warehouse = WarehouseFile.Open(path);
        return read(warehouse);
    }
}
