namespace Warehouse.Reports.Packs;

/// <summary>One file a pack run wrote.</summary>
/// <param name="Path">The full path.</param>
/// <param name="Kind">Publishable or restricted.</param>
/// <param name="Description">What it is, e.g. "executive pack", "chart (PNG)".</param>
public sealed record PackFile(string Path, PackFileKind Kind, string Description);
