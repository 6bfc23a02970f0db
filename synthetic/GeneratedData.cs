namespace Warehouse.Synthetic;

/// <summary>What a run wrote: every file, and the manifest (also written as <c>manifest.json</c>).</summary>
/// <param name="OutputFolder">The inbox folder written to.</param>
/// <param name="ManifestPath">The path of <c>manifest.json</c>.</param>
/// <param name="Manifest">The manifest: options, counts and the planted inconsistencies.</param>
/// <param name="Files">Every file written, partnership by partnership, in the order a person would list them.</param>
public sealed record GeneratedData(
    string OutputFolder,
    string ManifestPath,
    GenerationManifest Manifest,
    IReadOnlyList<GeneratedFile> Files);
