namespace Warehouse.Reports.Packs.Data;

/// <summary>Files of one kind and outcome the loader saw for the partnership (<c>ops.loaded_files</c>).</summary>
internal sealed record FileSummary(string Kind, string Outcome, long Files, long RowsRead, long RowsLoaded, long RowsRejected, long Warnings, DateTimeOffset? LatestLoadedAt);
