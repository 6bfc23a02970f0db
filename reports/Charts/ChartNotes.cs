namespace Warehouse.Reports.Charts;

/// <summary>Notes the charts add themselves, worded once.</summary>
internal static class ChartNotes
{
    public const string Gaps = "Gaps are suppressed or unavailable values ([c] confidential, [u] low reliability, [x] not available), not zeros.";

    public const string Provisional = "The dashed part of a line shows provisional figures [p].";

    public static string Describe(double? value, ValueFormat format, string? symbol) =>
        value is { } v ? format.Format(v) : (symbol ?? "no value") + " (not shown)";
}
