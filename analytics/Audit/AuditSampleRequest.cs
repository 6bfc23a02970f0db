using System.Globalization;
using System.Text.RegularExpressions;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// What to sample for a threshold audit (<c>warehouse audit sample</c>): one partnership, one month,
/// a sample size, a seed and the auditors' reference codes. docs/audit.md describes the design.
/// </summary>
public sealed partial record AuditSampleRequest
{
    /// <summary>The partnership code, e.g. <c>warwickshire</c>.</summary>
    public required string Partnership { get; init; }

    /// <summary>The month whose consultations are audited, as <c>yyyy-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>
    /// The sample size asked for, serious under-responses included. The sample is larger when every
    /// serious under-response and the minimum per stratum need more, and smaller when the month has
    /// fewer assessable consultations (then all are audited).
    /// </summary>
    public required int Size { get; init; }

    /// <summary>The seed: the same seed and the same warehouse give the same sample.</summary>
    public required long Seed { get; init; }

    /// <summary>
    /// The auditors' reference codes (letters, digits, '-' and '_', at most 32 characters): codes the
    /// QA lead assigns, never names. Cases are shared out among them in this order.
    /// </summary>
    public required IReadOnlyList<string> Auditors { get; init; }

    /// <summary>The share of cases also given to a second auditor for moderation (0 to 1; default 10%).</summary>
    public double ModerationShare { get; init; } = 0.10;

    /// <summary>The fewest cases drawn from a stratum (all of them when it has fewer); default 2, so that every stratum has a variance.</summary>
    public int MinimumPerStratum { get; init; } = 2;

    /// <summary>Blind audit: the workbooks show neither the outcome nor any recorded or derived level.</summary>
    public bool Blind { get; init; }

    /// <summary>
    /// The data cut-off that decides which Annex A-derived actual levels are assessable (their window
    /// closed by it). Null: the latest date the loaded sources cover, as the check runs use.
    /// </summary>
    public DateOnly? CutOff { get; init; }

    /// <summary>Days after a consultation in which Annex A events count (the window); default 30, as the check runs.</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>The first day of <see cref="Month"/>.</summary>
    internal DateOnly MonthStart
    {
        get
        {
            if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                throw new ArgumentException($"The month '{Month}' is not a month written yyyy-MM.", nameof(Month));
            }

            return start;
        }
    }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Partnership, nameof(Partnership));
        _ = MonthStart;
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1, nameof(Size));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumPerStratum, 1, nameof(MinimumPerStratum));
        ArgumentOutOfRangeException.ThrowIfNegative(WindowDays, nameof(WindowDays));
        if (!(ModerationShare is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ModerationShare), ModerationShare, "The moderation share is a proportion from 0 to 1.");
        }

        ArgumentNullException.ThrowIfNull(Auditors, nameof(Auditors));
        if (Auditors.Count == 0)
        {
            throw new ArgumentException("Give at least one auditor reference.", nameof(Auditors));
        }

        foreach (var auditor in Auditors)
        {
            if (auditor is null || !AuditorPattern().IsMatch(auditor))
            {
                throw new ArgumentException(
                    $"'{auditor}' is not an auditor reference: use a code the QA lead assigns (letters, digits, '-' and '_', at most 32 characters), never a name.",
                    nameof(Auditors));
            }
        }

        var duplicate = Auditors.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The auditor reference '{duplicate.Key}' is given twice.", nameof(Auditors));
        }

        if (ModerationShare > 0 && Auditors.Count < 2)
        {
            throw new ArgumentException("Moderation gives a case to two auditors, so it needs at least two auditor references; give a moderation share of 0 for a single auditor.", nameof(Auditors));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuditorPattern();
}
