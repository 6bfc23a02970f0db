namespace Warehouse.Frameworks;

/// <summary>A recorded decision about how an indicator was taken from the document.</summary>
/// <param name="Kind">The kind of decision.</param>
/// <param name="Text">The decision and its reason.</param>
/// <param name="SplitFrom">For a split: the run-together text as extracted (the parts, joined by single spaces, give it back).</param>
/// <param name="PrintedDomain">For a domain assigned by meaning: the domain code the extraction's label would have given, when it gives one.</param>
public sealed record IndicatorDecision(IndicatorDecisionKind Kind, string Text, string? SplitFrom, string? PrintedDomain);
