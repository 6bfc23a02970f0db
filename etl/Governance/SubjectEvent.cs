namespace Warehouse.Etl.Governance;

/// <summary>An Annex A event held about a child, as a subject access shows it.</summary>
public sealed record SubjectEvent(
    string Partnership,
    int ListNumber,
    string EventKind,
    DateOnly EventDate,
    DateOnly? EndDate,
    DateOnly? SecondDate);
