namespace Warehouse.Frameworks;

/// <summary>The lowest actual level for a child already open on an Annex A list at the consultation date (CONTRACT.md section 3).</summary>
/// <param name="List">The open-case list.</param>
/// <param name="Level">The minimum level.</param>
/// <param name="Notes">The reasoning, or null.</param>
public sealed record OpenCaseFloor(OpenCaseList List, Level Level, string? Notes);
