using Warehouse.Analytics.Checks.Agreement;
using Warehouse.Analytics.Checks.Measures;
using Warehouse.Analytics.Runs;

namespace Warehouse.Analytics.Tests.TestSupport;

/// <summary>Finding one row in a run's results, failing loudly when it is missing or not unique.</summary>
internal static class ResultQueries
{
    /// <summary>A measure row; the group defaults to the partnership itself, the month to any (it must then be unique).</summary>
    public static MeasureRow Measure(this CheckRunResults results, string measure, string grouping = "partnership", string? groupValue = null, string? comparison = null, DateOnly? period = null) =>
        Assert.Single(results.Measures, m => m.Measure == measure && m.Grouping == grouping && m.Comparison == comparison
            && m.GroupValue == (groupValue ?? results.Run.Partnership) && (period is null || m.Period == period));

    public static AgreementResultRow Agreement(this CheckRunResults results, string comparison, string grouping = "partnership", string? groupValue = null) =>
        Assert.Single(results.Agreement, a => a.Comparison == comparison && a.Grouping == grouping
            && a.GroupValue == (groupValue ?? results.Run.Partnership));

    /// <summary>The 4×4 matrix of a group, indexed [reference − 1, compared − 1].</summary>
    public static long[,] Matrix(this CheckRunResults results, string comparison, string grouping = "partnership", string? groupValue = null)
    {
        var cells = results.Matrices.Where(m => m.Comparison == comparison && m.Grouping == grouping
            && m.GroupValue == (groupValue ?? results.Run.Partnership)).ToList();
        Assert.Equal(16, cells.Count);
        var matrix = new long[4, 4];
        foreach (var cell in cells)
        {
            matrix[cell.ReferenceLevel - 1, cell.ComparedLevel - 1] = cell.Count;
        }

        return matrix;
    }

    public static Dictionary<string, long> NotAssessable(this CheckRunResults results, string comparison, DateOnly period) =>
        results.NotAssessable.Where(n => n.Comparison == comparison && n.Period == period).ToDictionary(n => n.Reason, n => n.Consultations);

    public static HashSet<string> ExceptionIds(this CheckRunResults results, string rule) =>
        results.Exceptions.Where(e => e.Rule == rule).Select(e => e.ConsultationId).ToHashSet();
}
