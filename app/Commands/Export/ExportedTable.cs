namespace Warehouse.App.Commands.Export;

/// <summary>
/// What an export wrote: the table, where, how many rows, and why it went to the restricted folder
/// (<c>case-level</c>, <c>not disclosure-controlled</c>) or null when it is publishable; for a
/// partitioned export, how many partition folders and by what.
/// </summary>
internal sealed record ExportedTable(string Table, string Path, long Rows, string? Restriction, long? Partitions = null, string? PartitionedBy = null);
