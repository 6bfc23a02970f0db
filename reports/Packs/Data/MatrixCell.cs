namespace Warehouse.Reports.Packs.Data;

/// <summary>One cell of an agreement matrix (<c>analytics.agreement_matrix</c>).</summary>
internal sealed record MatrixCell(string Comparison, DateOnly Period, string Grouping, string Group, int Reference, int Compared, long Count);
