namespace Warehouse.Reports.Packs;

/// <summary>Who may see a file a pack run wrote.</summary>
public enum PackFileKind
{
    /// <summary>Aggregate figures after disclosure control: may be published.</summary>
    Publishable,

    /// <summary>Case-level rows for quality-assurance staff (OFFICIAL-SENSITIVE, owner-only): never published.</summary>
    Restricted,
}
