using Warehouse.Synthetic.Randomness;

namespace Warehouse.Synthetic.Generation;

/// <summary>
/// The distributions every partnership, locality and agency share. None depends on the locality or the agency:
/// only the planted units differ, so any other flag the analytics raise is a false positive.
/// </summary>
internal static class Draws
{
    /// <summary>Share of consultations about a child seen before (when one is eligible).</summary>
    public const double RepeatShare = 0.36;

    /// <summary>Share of consultations with no recommended level recorded (not assessable).</summary>
    public const double RecommendedBlankShare = 0.015;

    /// <summary>Share of consultations that appear on Annex A List 1 as a contact.</summary>
    public const double ContactListedShare = 0.92;

    public const int WindowDays = 30;

    /// <summary>Shares of recommended levels 1–4 (index 0–3).</summary>
    public static readonly double[] RecommendedLevelShares = [0.30, 0.32, 0.26, 0.12];

    public static readonly WeightedTable RecommendedLevel = new(RecommendedLevelShares);

    /// <summary>Age at the first consultation: unborn, under 1, 1–4, 5–9, 10–15, 16–17.</summary>
    public static readonly WeightedTable AgeBand = new([0.015, 0.11, 0.19, 0.24, 0.33, 0.115]);

    /// <summary>Age bands in days: [from, to] (unborn: days before birth).</summary>
    public static readonly (int From, int To)[] AgeBandDays = [(7, 150), (0, 364), (365, 1825), (1826, 3652), (3653, 5843), (5844, 6573)];

    /// <summary>Indicators per consultation, 0–6.</summary>
    public static readonly WeightedTable IndicatorCount = new([0.12, 0.18, 0.22, 0.20, 0.14, 0.09, 0.05]);

    /// <summary>Caller level minus recommended level: 0, +1, −1, +2, −2 (callers tend to ask for more).</summary>
    public static readonly WeightedTable CallerShift = new([0.62, 0.20, 0.12, 0.04, 0.02]);

    public static readonly int[] CallerShifts = [0, 1, -1, 2, -2];

    public static readonly string?[] ConsentValues = ["given", "refused", "not_sought", null];

    /// <summary>Consent for outcomes that need it: given, refused, not sought, not recorded.</summary>
    public static readonly WeightedTable ConsentNeeded = new([0.78, 0.04, 0.06, 0.12]);

    /// <summary>Consent for child protection: not required, given, refused, not recorded.</summary>
    public static readonly WeightedTable ConsentProtection = new([0.60, 0.20, 0.10, 0.10]);

    public static readonly string?[] ProtectionConsentValues = ["not_required", "given", "refused", null];

    /// <summary>Working days from consultation to decision: 0–3.</summary>
    public static readonly WeightedTable DecisionDelay = new([0.45, 0.30, 0.15, 0.10]);

    /// <summary>Days from consultation to referral: 0–3.</summary>
    public static readonly WeightedTable ReferralDelay = new([0.50, 0.25, 0.15, 0.10]);

    /// <summary>Referrals (or enquiries) in the last 12 months, 0–3, for the count columns.</summary>
    public static readonly WeightedTable PriorCount = new([0.55, 0.25, 0.12, 0.08]);

    /// <summary>Pathway to Change scores: the centre for each recommended level (index 1–4).</summary>
    public static readonly int[] ScoreCentre = [0, 2, 4, 6, 8];
}
