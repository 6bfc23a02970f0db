namespace Warehouse.Frameworks;

/// <summary>One point of the common four-point scale.</summary>
/// <param name="Number">1–4.</param>
/// <param name="Name">Short name.</param>
/// <param name="Description">What a case at this point receives.</param>
public sealed record CommonScalePoint(int Number, string Name, string Description);
