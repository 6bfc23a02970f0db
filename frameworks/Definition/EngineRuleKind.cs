namespace Warehouse.Frameworks;

/// <summary>The kinds of rule the level engine knows. Each framework file gives each kind's parameters and the sentences it rests on.</summary>
public enum EngineRuleKind
{
    /// <summary>No rule decided: no indicators were given.</summary>
    None = 0,

    /// <summary>An indicator that means the top level on its own is present (<c>top_level_on_its_own</c>).</summary>
    TopLevelOnItsOwn,

    /// <summary>Enough indicators at one level, across enough domains, raise the level by one (<c>accumulation</c>).</summary>
    Accumulation,

    /// <summary>Few indicators at a higher level: that level, but borderline (<c>isolated_higher</c>).</summary>
    IsolatedHigher,

    /// <summary>The level of the highest indicators present (<c>highest_present</c>).</summary>
    HighestPresent,
}
