using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Loading;

/// <summary>Data-quality warnings: values stored as unknown, columns ignored — kept with where they were.</summary>
internal static class Warnings
{
    internal static void Record(DuckDbConnection connection, SourceFile file, string? sheet, long? row, string? column, string? value, string reason)
    {
        using var command = new DuckDbCommand("INSERT INTO ops.data_quality_warnings VALUES ($1, $2, $3, $4, $5, $6, $7)", connection);
        foreach (var v in new object?[] { file.FileId, file.Partnership, sheet, row, column, value, reason }) command.Parameters.AddValue(v);
        command.ExecuteNonQuery();
    }
}
