namespace Warehouse.Frameworks;

/// <summary>An agency's sector (CONTRACT.md section 4). File values in brackets.</summary>
public enum AgencySector
{
    /// <summary>Not a sector.</summary>
    None = 0,

    /// <summary>Police (<c>police</c>).</summary>
    Police,

    /// <summary>Health (<c>health</c>).</summary>
    Health,

    /// <summary>Education (<c>education</c>).</summary>
    Education,

    /// <summary>Local authority (<c>local_authority</c>).</summary>
    LocalAuthority,

    /// <summary>Voluntary sector (<c>voluntary</c>).</summary>
    Voluntary,

    /// <summary>An individual (<c>individual</c>).</summary>
    Individual,

    /// <summary>Other (<c>other</c>).</summary>
    Other,
}
