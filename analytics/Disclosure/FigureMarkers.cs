namespace Warehouse.Analytics.Disclosure;

/// <summary>Markers shown next to a published value.</summary>
[Flags]
internal enum FigureMarkers
{
    None = 0,

    /// <summary><c>[p]</c> provisional.</summary>
    Provisional = 1,

    /// <summary><c>[r]</c> revised since the previous pack.</summary>
    Revised = 2,
}
