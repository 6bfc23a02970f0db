namespace Warehouse.App.Commands.Export;

/// <summary>The file formats a table can be exported to.</summary>
internal enum ExportFormat
{
    Parquet,
    Csv,
}
