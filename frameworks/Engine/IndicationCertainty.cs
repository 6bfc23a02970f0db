namespace Warehouse.Frameworks;

/// <summary>How firmly the framework's rules point to the indicated level. Either way it is a prompt for reflection, not a verdict.</summary>
public enum IndicationCertainty
{
    /// <summary>No level is indicated (no indicators).</summary>
    None = 0,

    /// <summary>The rules point to one level.</summary>
    Clear,

    /// <summary>The rules point to a level but the document's own words allow the neighbouring one (see the alternative level).</summary>
    Borderline,
}
