namespace Warehouse.Synthetic.Generation;

/// <summary>What one partnership's run produced.</summary>
internal sealed record PartnershipResult(PartnershipManifest Manifest, IReadOnlyList<GeneratedFile> Files);
