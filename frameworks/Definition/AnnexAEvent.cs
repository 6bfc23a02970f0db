namespace Warehouse.Frameworks;

/// <summary>The Annex A events that can confirm a front-door outcome (CONTRACT.md section 3). File values in brackets.</summary>
public enum AnnexAEvent
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary>An early help assessment, List 2 (<c>early_help_assessment</c>).</summary>
    EarlyHelpAssessment,

    /// <summary>A referral not marked NFA, List 3 (<c>referral_not_nfa</c>).</summary>
    ReferralNotNfa,

    /// <summary>A children's social care assessment, List 4 (<c>assessment</c>).</summary>
    Assessment,

    /// <summary>A strategy discussion starting a section 47 enquiry, List 5 (<c>section47</c>).</summary>
    Section47,
}
