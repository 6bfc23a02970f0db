namespace Warehouse.App.Commands.Backup;

/// <summary>One table of a backup and the rows it held when the backup was made.</summary>
/// <param name="Table">The table as <c>schema.table</c>.</param>
/// <param name="Rows">Its row count at backup time; a restore must arrive at the same.</param>
internal sealed record BackupTable(string Table, long Rows);
