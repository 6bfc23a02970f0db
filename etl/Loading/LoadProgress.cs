namespace Warehouse.Etl.Loading;

/// <summary>Progress of a load: which file of how many.</summary>
public readonly record struct LoadProgress(int Done, int Total, string? CurrentFile);
