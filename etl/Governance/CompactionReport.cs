namespace Warehouse.Etl.Governance;

/// <summary>What a compaction did.</summary>
/// <param name="BytesBefore">Size of the warehouse file before.</param>
/// <param name="BytesAfter">Size of the rewritten file.</param>
/// <param name="Tables">Tables copied (each checked row for row by count).</param>
/// <param name="Rows">Rows copied.</param>
public sealed record CompactionReport(long BytesBefore, long BytesAfter, int Tables, long Rows);
