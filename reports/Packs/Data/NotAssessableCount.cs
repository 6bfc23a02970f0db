namespace Warehouse.Reports.Packs.Data;

/// <summary>Consultations a comparison could not use in a month, by reason (<c>analytics.not_assessable</c>).</summary>
internal sealed record NotAssessableCount(string Comparison, DateOnly Period, string Reason, long Consultations);
