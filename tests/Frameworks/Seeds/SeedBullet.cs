namespace Warehouse.Frameworks.Tests;

/// <summary>One indicator item read from a seed document: its level code, the domain label printed before it, its text and line.</summary>
internal sealed record SeedBullet(string Level, string? Domain, string Text, int Line);
