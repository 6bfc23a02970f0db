namespace Warehouse.Analytics.Disclosure;

/// <summary>Builds the additive relations of common table shapes.</summary>
internal static class AdditiveRelations
{
    /// <summary>total = Σ parts.</summary>
    public static AdditiveRelation SumOf(CellKey total, params CellKey[] parts) => new(total, parts);

    /// <summary>Two keys for the same number (an area made of a single locality).</summary>
    public static AdditiveRelation SameAs(CellKey figure, CellKey sameFigure) => new(figure, [sameFigure]) { Description = "same figure" };

    /// <summary>
    /// Relations of a grid: each row total is the sum of its row, each column total the sum of its
    /// column, and the grand total the sum of the row totals and of the column totals (or of every inner
    /// cell when there are neither).
    /// </summary>
    /// <param name="inner">Inner cells, by row then column.</param>
    /// <param name="rowTotals">One per row, or null when the table has no total column.</param>
    /// <param name="columnTotals">One per column, or null when the table has no total row.</param>
    /// <param name="grandTotal">The corner cell, or null.</param>
    public static IReadOnlyList<AdditiveRelation> ForGrid(
        IReadOnlyList<IReadOnlyList<CellKey>> inner,
        IReadOnlyList<CellKey>? rowTotals,
        IReadOnlyList<CellKey>? columnTotals,
        CellKey? grandTotal)
    {
        ArgumentNullException.ThrowIfNull(inner);
        int columns = inner.Count == 0 ? 0 : inner[0].Count;
        if (inner.Any(row => row.Count != columns))
        {
            throw new ArgumentException("Every row of the grid needs the same number of columns.", nameof(inner));
        }

        if (rowTotals is not null && rowTotals.Count != inner.Count)
        {
            throw new ArgumentException("One row total per row.", nameof(rowTotals));
        }

        if (columnTotals is not null && columnTotals.Count != columns)
        {
            throw new ArgumentException("One column total per column.", nameof(columnTotals));
        }

        var relations = new List<AdditiveRelation>();
        if (rowTotals is not null)
        {
            for (int r = 0; r < inner.Count; r++)
            {
                relations.Add(new AdditiveRelation(rowTotals[r], [.. inner[r]]) { Description = "row total" });
            }
        }

        if (columnTotals is not null)
        {
            for (int c = 0; c < columns; c++)
            {
                relations.Add(new AdditiveRelation(columnTotals[c], inner.Select(row => row[c]).ToList()) { Description = "column total" });
            }
        }

        if (grandTotal is CellKey grand)
        {
            if (rowTotals is not null)
            {
                relations.Add(new AdditiveRelation(grand, [.. rowTotals]) { Description = "grand total" });
            }

            if (columnTotals is not null)
            {
                relations.Add(new AdditiveRelation(grand, [.. columnTotals]) { Description = "grand total" });
            }

            if (rowTotals is null && columnTotals is null)
            {
                relations.Add(new AdditiveRelation(grand, inner.SelectMany(row => row).ToList()) { Description = "grand total" });
            }
        }

        return relations;
    }
}
