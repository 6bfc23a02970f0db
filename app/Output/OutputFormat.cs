namespace Warehouse.App.Output;

/// <summary>How a command prints rows: a table for people, CSV or JSON for other programs.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}
