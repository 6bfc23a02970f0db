using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// The flag of a figure (funnel position, comparison with England). A flag says something about the
/// value, so it is shown only when the value is; otherwise the value's symbol stands in its place.
/// </summary>
internal sealed record FlagValue(CellKey Key) : PackValue;
