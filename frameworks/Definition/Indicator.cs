namespace Warehouse.Frameworks;

/// <summary>One indicator of possible need, in the document's own words, at its level and domain.</summary>
/// <param name="Id">Its index within this framework version (0-based): the fast key the level engine takes. Ids are
/// not stable across versions; codes are.</param>
/// <param name="Code">Stable code, e.g. <c>WAR-FH-DAP-03</c>: partnership, level, domain, number in document order.</param>
/// <param name="Level">The level under which the document prints it.</param>
/// <param name="Domain">The domain (sub-domain for Worcestershire) it belongs to.</param>
/// <param name="Text">The document's wording (normalised only as the framework file's <c>text_normalisation</c> says).</param>
/// <param name="TopLevelOnItsOwn">True when this indicator on its own means the top level (e.g. Warwickshire's immediate-protection bullets).</param>
/// <param name="Decision">A recorded split or domain assignment, or null when the item is taken as printed.</param>
/// <param name="Notes">Other notes, or null.</param>
public sealed record Indicator(
    int Id,
    string Code,
    Level Level,
    Domain Domain,
    string Text,
    bool TopLevelOnItsOwn,
    IndicatorDecision? Decision,
    string? Notes);
