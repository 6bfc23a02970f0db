namespace Warehouse.Analytics.Disclosure;

/// <summary>The rule that hid a figure and a sentence naming what it protects, for the pack's notes.</summary>
internal sealed record SuppressionReason(SuppressionRule Rule, string Detail);
