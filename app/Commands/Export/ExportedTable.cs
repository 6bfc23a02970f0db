namespace Warehouse.App.Commands.Export;

/// <summary>What an export wrote: the table, where, how many rows, and whether it is case-level.</summary>
internal sealed record ExportedTable(string Table, string Path, long Rows, bool CaseLevel);
