namespace Warehouse.Synthetic.Levels;

/// <summary>The Annex A events a consultation leads to within its window (Lists 2–5).</summary>
[Flags]
internal enum EventMask : byte
{
    None = 0,

    /// <summary>An early help assessment starts (List 2).</summary>
    EarlyHelp = 1,

    /// <summary>A referral, not NFA (List 3).</summary>
    Referral = 2,

    /// <summary>A referral marked NFA (List 3): it confirms nothing.</summary>
    ReferralNfa = 4,

    /// <summary>A children's social care assessment starts (List 4).</summary>
    Assessment = 8,

    /// <summary>A strategy discussion starts a section 47 enquiry (List 5).</summary>
    Section47 = 16,
}
