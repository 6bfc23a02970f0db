namespace Warehouse.Synthetic;

/// <summary>One file a run wrote.</summary>
/// <param name="Partnership">The partnership it belongs to, or null for the manifest.</param>
/// <param name="Path">The full path.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Rows">Data rows (all sheets or lists together; 0 for the manifest).</param>
/// <param name="Bytes">Its size.</param>
public sealed record GeneratedFile(string? Partnership, string Path, GeneratedFileKind Kind, long Rows, long Bytes);
