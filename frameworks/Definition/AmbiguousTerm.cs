namespace Warehouse.Frameworks;

/// <summary>A term the document uses for more than one level (e.g. Worcestershire's "early help" for levels 2 and 3); never accepted as a level.</summary>
/// <param name="Text">The term.</param>
/// <param name="Levels">The levels it covers.</param>
/// <param name="Source">The sentence that says so.</param>
public sealed record AmbiguousTerm(string Text, IReadOnlyList<Level> Levels, SeedQuote Source);
