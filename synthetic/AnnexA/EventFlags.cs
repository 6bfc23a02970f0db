namespace Warehouse.Synthetic.AnnexA;

/// <summary>Yes/no facts an Annex A row carries.</summary>
[Flags]
internal enum EventFlags : byte
{
    None = 0,

    /// <summary>List 3: the referral was marked NFA.</summary>
    ReferralNfa = 1,

    /// <summary>List 4: the child was seen during the assessment.</summary>
    ChildSeen = 2,

    /// <summary>List 4: the child was assessed as needing support (with <see cref="SupportKnown"/>).</summary>
    NeedsSupport = 4,

    /// <summary>List 4: the assessment's conclusion is recorded.</summary>
    SupportKnown = 8,

    /// <summary>List 5: a conference was deemed unnecessary.</summary>
    ConferenceUnnecessary = 16,

    /// <summary>List 5: the conference made a child protection plan.</summary>
    PlanMade = 32,
}
