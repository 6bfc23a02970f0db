namespace Warehouse.Frameworks;

/// <summary>One level's place on the common scale.</summary>
/// <param name="Level">The framework's level.</param>
/// <param name="Span">The common point or span it maps to.</param>
public sealed record CrosswalkEntry(Level Level, CommonSpan Span);
