using Warehouse.Analytics.Runs;
using Warehouse.Analytics.Statistics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>
/// The agreement check: DuckDB builds every comparison's 4×4 matrices in one pass per grouping
/// level (Sql/agreement.sql, which also records the matrices and the not-assessable counts);
/// C# computes each matrix's statistics.
/// </summary>
internal static class AgreementCheck
{
    /// <summary>The four levels of every framework: the matrices are always 4×4.</summary>
    public const int Levels = 4;

    private const string Cells = """
        SELECT comparison, uses_actual, period, grouping, group_value, reference_level, compared_level, count
        FROM chk_cells
        ORDER BY ordinal, period, grouping, group_value, reference_level, compared_level
        """;

    public static IReadOnlyList<ComparisonGroup> Run(DuckDbConnection connection, RunScope scope)
    {
        SqlScripts.Execute(connection, "Checks/Agreement/Sql/agreement.sql");

        var groups = new List<ComparisonGroup>();
        using var command = new DuckDbCommand(Cells, connection);
        using var reader = command.ExecuteReader();
        long[,]? counts = null;
        int cells = 0;
        while (reader.Read())
        {
            // Rows arrive 16 to a group, levels in order (1,1), (1,2), … (4,4).
            if (cells == 0)
            {
                counts = new long[Levels, Levels];
            }

            int reference = reader.GetInt32(5);
            int compared = reader.GetInt32(6);
            if (reference != (cells / Levels) + 1 || compared != (cells % Levels) + 1)
            {
                throw new InvalidOperationException("The agreement matrix cells are not complete and in order.");
            }

            counts![reference - 1, compared - 1] = reader.GetInt64(7);
            cells++;
            if (cells < Levels * Levels)
            {
                continue;
            }

            cells = 0;
            var comparison = reader.GetString(0);
            var period = reader.GetFieldValue<DateOnly>(2);
            bool provisional = reader.GetBoolean(1) && scope.IsPending(period);
            var result = AgreementStatistics.Compute(new AgreementMatrix(counts));
            groups.Add(new ComparisonGroup(comparison, period, reader.GetString(3), reader.GetString(4), provisional, result));
        }

        if (cells != 0)
        {
            throw new InvalidOperationException("The last agreement matrix is incomplete.");
        }

        return groups;
    }
}
