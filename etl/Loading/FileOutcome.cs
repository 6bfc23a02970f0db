namespace Warehouse.Etl.Loading;

/// <summary>What became of one inbox file.</summary>
public enum FileOutcome
{
    /// <summary>Loaded; moved to processed/.</summary>
    Loaded,

    /// <summary>Refused whole; moved to rejected/.</summary>
    Rejected,

    /// <summary>Its kind is unknown; moved to unrecognised/.</summary>
    Unrecognised,

    /// <summary>The same bytes were loaded before; nothing changed; moved to processed/.</summary>
    Duplicate,
}
