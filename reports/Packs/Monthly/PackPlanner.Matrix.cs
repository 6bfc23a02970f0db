using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

internal sealed partial class PackPlanner
{
    private static string MatrixMeasure(int reference, int compared) => $"level_{reference}_to_{compared}";

    private static FigureId MatrixId(MatrixCell cell, string measure) => new(cell.Period, cell.Grouping, cell.Group, cell.Comparison, measure);

    /// <summary>The groups with a published matrix: the partnership, then each locality in the reference data's order.</summary>
    private List<List<MatrixCell>> MatrixGroups()
    {
        var order = _data.Localities.Select((l, i) => (l.Code, Index: i)).ToDictionary(p => p.Code, p => p.Index, StringComparer.Ordinal);
        return _data.Matrices
            .GroupBy(m => (m.Grouping, m.Group))
            .OrderBy(g => g.Key.Grouping == "partnership" ? 0 : 1)
            .ThenBy(g => order.GetValueOrDefault(g.Key.Group, int.MaxValue))
            .ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g => g.OrderBy(m => m.Reference).ThenBy(m => m.Compared).ToList())
            .Where(g => g.Count == 16)
            .ToList();
    }

    /// <summary>
    /// The recommended → actual matrices of the partnership and of each locality, with row totals
    /// (recommended level), column totals (actual level) and the grand total (the assessable cases).
    /// </summary>
    private void Matrices()
    {
        const string id = "03-matrix";
        var t = _book.Table(id);
        var rows = new List<IReadOnlyList<PackValue>>();
        var columns = new List<PackColumn> { PackColumn.Text("Month"), PackColumn.Text("Locality"), PackColumn.Text("Recommended level") };
        columns.AddRange(Enumerable.Range(1, 4).Select(c => PackColumn.Count($"Actual level {c}: {_data.LevelName(c)}")));
        columns.Add(PackColumn.Count("All actual levels"));

        foreach (var group in MatrixGroups())
        {
            var first = group[0];
            var label = GroupLabel(first.Grouping, first.Group);
            MatrixCell Cell(int reference, int compared) => group.Single(m => m.Reference == reference && m.Compared == compared);
            for (int reference = 1; reference <= 4; reference++)
            {
                var row = new List<PackValue> { Text(MonthCode(first.Period)), Text(label), Text($"{reference}: {_data.LevelName(reference)}") };
                for (int compared = 1; compared <= 4; compared++)
                {
                    var cell = Cell(reference, compared);
                    row.Add(t.Count(MatrixId(cell, MatrixMeasure(reference, compared)), cell.Count));
                }

                row.Add(t.Count(MatrixId(first, $"reference_level_{reference}"), group.Where(m => m.Reference == reference).Sum(m => m.Count)));
                rows.Add(row);
            }

            var totals = new List<PackValue> { Text(MonthCode(first.Period)), Text(label), Text("All recommended levels") };
            for (int compared = 1; compared <= 4; compared++)
            {
                totals.Add(t.Count(MatrixId(first, $"compared_level_{compared}"), group.Where(m => m.Compared == compared).Sum(m => m.Count)));
            }

            totals.Add(t.Count(MatrixId(first, "cases"), group.Sum(m => m.Count)));
            rows.Add(totals);
            MatrixRelations(group);
        }

        // Each partnership cell and total is the sum of the localities' (when every locality has a matrix).
        var partnership = MatrixGroups().FirstOrDefault(g => g[0].Grouping == "partnership");
        var localities = MatrixGroups().Where(g => g[0].Grouping == "locality").ToList();
        if (partnership is not null)
        {
            var measures = Enumerable.Range(1, 4).SelectMany(r => Enumerable.Range(1, 4).Select(c => MatrixMeasure(r, c)))
                .Concat(Enumerable.Range(1, 4).Select(r => $"reference_level_{r}"))
                .Concat(Enumerable.Range(1, 4).Select(c => $"compared_level_{c}"));
            foreach (var measure in measures)
            {
                _book.Sum(MatrixId(partnership[0], measure).Key, localities.Select(l => MatrixId(l[0], measure).Key), "partnership matrix = sum of the localities' matrices");
            }
        }

        AddTable(t, new PackTable(id, "Matrix", "Agreement_matrix", $"Recommended level against actual level, partnership and localities, {PeriodWords(_run.ConsistencyPeriod)}", columns, rows)
        {
            Description =
            [
                ConsistencyLine("Counts of assessable consultations: rows are the level the front door recommended, columns the level of support actually provided."),
                "Cells on the diagonal agree; cells right of it are over-responses (more support than recommended), cells left of it under-responses.",
            ],
        });
    }

    private void MatrixRelations(List<MatrixCell> group)
    {
        var first = group[0];
        CellKey Key(string measure) => MatrixId(first, measure).Key;
        var cells = group.ToDictionary(m => (m.Reference, m.Compared), m => Key(MatrixMeasure(m.Reference, m.Compared)));
        for (int i = 1; i <= 4; i++)
        {
            int level = i;
            _book.Sum(Key($"reference_level_{level}"), Enumerable.Range(1, 4).Select(c => cells[(level, c)]), "row total");
            _book.Sum(Key($"compared_level_{level}"), Enumerable.Range(1, 4).Select(r => cells[(r, level)]), "column total");
        }

        _book.Sum(Key("cases"), Enumerable.Range(1, 4).Select(r => Key($"reference_level_{r}")), "grand total of rows");
        _book.Sum(Key("cases"), Enumerable.Range(1, 4).Select(c => Key($"compared_level_{c}")), "grand total of columns");
        _book.Sum(Key("agreements"), Enumerable.Range(1, 4).Select(l => cells[(l, l)]), "agreements = the diagonal");
        _book.Sum(Key("over_count"), cells.Where(p => p.Key.Compared > p.Key.Reference).Select(p => p.Value), "over-responses = right of the diagonal");
        _book.Sum(Key("under_count"), cells.Where(p => p.Key.Compared < p.Key.Reference).Select(p => p.Value), "under-responses = left of the diagonal");
        _book.Sum(Key("serious_under_count"), cells.Where(p => p.Key.Reference == _run.TopLevel && p.Key.Compared <= _run.TopLevel - 2).Select(p => p.Value), "serious under-responses");
    }

    /// <summary>The mix of recommended and actual levels among the assessable consultations, by locality.</summary>
    private void LevelMix()
    {
        const string id = "13-level-mix";
        var t = _book.Table(id);
        var columns = new List<PackColumn> { PackColumn.Text("Month"), PackColumn.Text("Locality"), PackColumn.Count("Assessable consultations") };
        columns.AddRange(Enumerable.Range(1, 4).Select(l => PackColumn.Percent($"Recommended {l}: {_data.LevelName(l)} (%)")));
        columns.AddRange(Enumerable.Range(1, 4).Select(l => PackColumn.Percent($"Actual {l}: {_data.LevelName(l)} (%)")));
        var rows = new List<IReadOnlyList<PackValue>>();
        foreach (var group in MatrixGroups())
        {
            var first = group[0];
            long cases = group.Sum(m => m.Count);
            var row = new List<PackValue> { Text(MonthCode(first.Period)), Text(GroupLabel(first.Grouping, first.Group)), t.Count(MatrixId(first, "cases"), cases) };
            foreach (var (kind, side) in new[] { ("recommended", "reference"), ("actual", "compared") })
            {
                for (int level = 1; level <= 4; level++)
                {
                    int l = level;
                    long count = group.Where(m => (side == "reference" ? m.Reference : m.Compared) == l).Sum(m => m.Count);
                    row.Add(t.Percent(MatrixId(first, $"{kind}_level_{l}_share"), MatrixId(first, $"{side}_level_{l}"), count, MatrixId(first, "cases"), cases, null, null));
                }
            }

            rows.Add(row);
        }

        AddTable(t, new PackTable(id, "Level_mix", "Level_mix_by_locality", $"Mix of recommended and actual levels by locality, {PeriodWords(_run.ConsistencyPeriod)}", columns, rows)
        {
            Description = [ConsistencyLine("Shares of the assessable consultations at each level, as recommended by the front door and as provided."), "Shares are of the consultations in the Matrix sheet's totals; each side adds up to 100% before rounding."],
        });
    }
}
