namespace Warehouse.Frameworks;

/// <summary>Every version of one partnership's framework, ordered by the date each takes effect.</summary>
public sealed class PartnershipFrameworks
{
    internal PartnershipFrameworks(string partnership, IReadOnlyList<Framework> versions)
    {
        Partnership = partnership;
        Versions = versions;
    }

    /// <summary>The partnership's code.</summary>
    public string Partnership { get; }

    /// <summary>The partnership's name, from its latest version.</summary>
    public string Name => Latest.PartnershipName;

    /// <summary>The versions, earliest first.</summary>
    public IReadOnlyList<Framework> Versions { get; }

    /// <summary>The version that takes effect last.</summary>
    public Framework Latest => Versions[^1];

    /// <summary>
    /// The version in force on a date: a consultation is judged under the version in force on its date, so a
    /// 13-month trend can span a revision of the document. A version is in force from its <c>effective_from</c>
    /// to its <c>effective_to</c> (inclusive) or, without one, until the next version takes effect.
    /// </summary>
    /// <returns>The version, or null when none is in force (before the first version, or in a gap after an <c>effective_to</c>).</returns>
    public Framework? VersionFor(DateOnly date)
    {
        // Versions do not overlap (checked on load), so the latest one started by the date is the only candidate.
        for (var i = Versions.Count - 1; i >= 0; i--)
        {
            if (Versions[i].EffectiveFrom <= date)
            {
                return Versions[i].IsInForceOn(date) ? Versions[i] : null;
            }
        }

        return null;
    }
}
