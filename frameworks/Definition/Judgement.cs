namespace Warehouse.Frameworks;

/// <summary>A documented judgement made when encoding the document, kept with the framework for review.</summary>
/// <param name="Subject">What the judgement is about.</param>
/// <param name="Decision">What was decided.</param>
/// <param name="Reason">Why.</param>
public sealed record Judgement(string Subject, string Decision, string Reason);
