namespace Warehouse.Frameworks;

/// <summary>A front-door outcome (the pathway agreed at a consultation) and what it implies.</summary>
/// <param name="Code">The outcome code, e.g. <c>family_help_assessment</c> (CONTRACT.md section 5).</param>
/// <param name="Label">The outcome as the document or contract names it.</param>
/// <param name="Level">The level the outcome implies.</param>
/// <param name="VisibleInAnnexA">True when an Annex A event can show that the outcome happened.</param>
/// <param name="ConfirmedBy">The Annex A events that confirm it (empty when not visible in Annex A).</param>
/// <param name="RequiresConsent">True when the outcome needs the family's consent (every outcome but child protection / section 47).</param>
/// <param name="Notes">The reasoning, or null.</param>
public sealed record Outcome(
    string Code,
    string Label,
    Level Level,
    bool VisibleInAnnexA,
    IReadOnlyList<AnnexAEvent> ConfirmedBy,
    bool RequiresConsent,
    string? Notes)
{
    /// <summary>True when the given Annex A event confirms this outcome.</summary>
    public bool IsConfirmedBy(AnnexAEvent annexAEvent)
    {
        foreach (var e in ConfirmedBy)
        {
            if (e == annexAEvent)
            {
                return true;
            }
        }

        return false;
    }
}
