namespace Warehouse.Synthetic;

/// <summary>
/// The run's manifest (<c>manifest.json</c>): the seed and options, and per partnership the counts, the planted
/// inconsistencies, the transition matrices used and what they produced. Everything in the output is synthetic.
/// </summary>
/// <param name="Note">That every record is synthetic, and how to read the rest.</param>
/// <param name="Generator">The generator and its format version.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Options">The options that shape the data (paths left out: they do not change a byte).</param>
/// <param name="Partnerships">One entry per partnership, in code order.</param>
public sealed record GenerationManifest(
    string Note,
    string Generator,
    long Seed,
    ManifestOptions Options,
    IReadOnlyList<PartnershipManifest> Partnerships);
