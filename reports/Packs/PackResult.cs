namespace Warehouse.Reports.Packs;

/// <summary>What a pack run wrote, and what disclosure control hid.</summary>
/// <param name="Partnership">The partnership code.</param>
/// <param name="Month">The pack month, <c>yyyy-MM</c>.</param>
/// <param name="RunId">The check run the pack was built from.</param>
/// <param name="Files">Every file written, publishable and restricted.</param>
public sealed record PackResult(string Partnership, string Month, string RunId, IReadOnlyList<PackFile> Files)
{
    /// <summary>Distinct figures published as <c>[c]</c>: counts of 1 to the threshold (primary suppression).</summary>
    public int PrimarySuppressed { get; init; }

    /// <summary>Distinct figures published as <c>[c]</c> to protect another (secondary suppression, rates whose parts are suppressed).</summary>
    public int SecondarySuppressed { get; init; }

    /// <summary>Distinct figures published as <c>[u]</c> (fewer cases than the minimum).</summary>
    public int LowReliability { get; init; }

    /// <summary>Distinct figures published with a value.</summary>
    public int Published { get; init; }

    /// <summary>Things the reader of the run log should know (e.g. why no PNG was made).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Where the time went, stage by stage.</summary>
    public IReadOnlyList<PackStageTiming> Timings { get; init; } = [];

    /// <summary>All suppressed figures: <see cref="PrimarySuppressed"/> + <see cref="SecondarySuppressed"/>.</summary>
    public int Suppressed => PrimarySuppressed + SecondarySuppressed;
}
