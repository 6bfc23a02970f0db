using Warehouse.Analytics.Disclosure;

namespace Warehouse.Analytics.Tests.Disclosure;

/// <summary>
/// An attacker who reads everything one pack publishes and knows its layout (which cells are totals of
/// which, which tables share figures, which counts each rate divides) but none of the values behind a
/// symbol. Written independently of the production algorithm: it solves relations with one unknown,
/// uses rates × denominators (and numerator ÷ rate), adds and subtracts pairs of relations (differences
/// of totals), and finally runs exact Gaussian elimination over every relation, repeating until it
/// learns nothing new.
/// </summary>
internal sealed class Intruder
{
    private readonly List<Dictionary<CellKey, int>> equations = [];
    private readonly List<PublishedRate> rates = [];
    private readonly Dictionary<CellKey, long> known = [];

    public Intruder(DisclosureRequest layout, DisclosureResult published)
    {
        foreach (var relation in layout.Tables.SelectMany(t => t.Relations).Concat(layout.Links))
        {
            var equation = new Dictionary<CellKey, int> { [relation.Total] = 1 };
            foreach (var part in relation.Parts)
            {
                equation[part] = -1;
            }

            equations.Add(equation);
        }

        foreach (var table in layout.Tables)
        {
            var shown = published[table.Id];
            foreach (var cell in table.Cells)
            {
                var figure = shown[cell.Id].Figure;
                switch (cell)
                {
                    // Only the layout of a cell is read here (its id, which counts a rate divides, its
                    // multiplier); every value comes from the published figure.
                    case CountCell when figure.Value is decimal count:
                        known[cell.Id] = (long)count;
                        break;
                    case RateCell rate:
                        var difference = CellKey.Difference(rate.Denominator.Key, rate.Numerator.Key);
                        equations.Add(new Dictionary<CellKey, int> { [rate.Denominator.Key] = 1, [rate.Numerator.Key] = -1, [difference] = -1 });
                        if (figure.Value is decimal value)
                        {
                            rates.Add(new PublishedRate(rate.Numerator.Key, rate.Denominator.Key, rate.Multiplier, figure.Decimals, value));
                        }

                        break;
                }
            }
        }
    }

    /// <summary>Everything the intruder knows at the end: published counts and every value it recovered.</summary>
    public IReadOnlyDictionary<CellKey, long> Attack()
    {
        bool progress = true;
        while (progress)
        {
            progress = SolveSingleUnknowns();
            progress |= UseRates();
            progress |= CombinePairs();
            if (!progress)
            {
                progress = Eliminate();
            }
        }

        return known;
    }

    private bool SolveSingleUnknowns()
    {
        bool progress = false;
        foreach (var equation in equations)
        {
            progress |= TrySolve(equation);
        }

        return progress;
    }

    private bool CombinePairs()
    {
        bool progress = false;
        for (int i = 0; i < equations.Count; i++)
        {
            for (int j = i + 1; j < equations.Count; j++)
            {
                foreach (int sign in new[] { 1, -1 })
                {
                    var combined = new Dictionary<CellKey, int>(equations[i]);
                    foreach (var (key, coefficient) in equations[j])
                    {
                        combined[key] = combined.GetValueOrDefault(key) + (sign * coefficient);
                    }

                    progress |= TrySolve(combined);
                }
            }
        }

        return progress;
    }

    private bool TrySolve(Dictionary<CellKey, int> equation)
    {
        var unknown = equation.Where(e => e.Value != 0 && !known.ContainsKey(e.Key)).ToList();
        if (unknown.Count != 1)
        {
            return false;
        }

        long rest = equation.Where(e => e.Value != 0 && known.ContainsKey(e.Key)).Sum(e => e.Value * known[e.Key]);
        var (key, coefficient) = unknown[0];
        if (rest % coefficient != 0)
        {
            return false;
        }

        known[key] = -rest / coefficient;
        return true;
    }

    private bool UseRates()
    {
        bool progress = false;
        foreach (var rate in rates)
        {
            decimal half = 0.5m * (decimal)Math.Pow(10, -rate.Decimals);
            bool Matches(long numerator, long denominator) =>
                denominator > 0 && Math.Round((decimal)numerator * rate.Multiplier / denominator, rate.Decimals, MidpointRounding.AwayFromZero) == rate.Shown;

            if (known.TryGetValue(rate.Denominator, out long d) && !known.ContainsKey(rate.Numerator))
            {
                var candidates = new List<long>();
                for (long x = 0; x <= d && candidates.Count < 2; x++)
                {
                    if (Matches(x, d))
                    {
                        candidates.Add(x);
                    }
                }

                if (candidates.Count == 1)
                {
                    known[rate.Numerator] = candidates[0];
                    progress = true;
                }
            }
            else if (known.TryGetValue(rate.Numerator, out long x) && !known.ContainsKey(rate.Denominator) && x > 0 && rate.Shown - half > 0)
            {
                decimal scaled = x * rate.Multiplier;
                long low = Math.Max(x, (long)Math.Floor(scaled / (rate.Shown + half)));
                long high = (long)Math.Ceiling(scaled / (rate.Shown - half));
                var candidates = new List<long>();
                for (long candidate = low; candidate <= high && candidates.Count < 2; candidate++)
                {
                    if (Matches(x, candidate))
                    {
                        candidates.Add(candidate);
                    }
                }

                if (candidates.Count == 1)
                {
                    known[rate.Denominator] = candidates[0];
                    progress = true;
                }
            }
        }

        return progress;
    }

    private bool Eliminate()
    {
        var unknowns = equations.SelectMany(e => e.Keys).Where(k => !known.ContainsKey(k)).Distinct().OrderBy(k => k.Value, StringComparer.Ordinal).ToList();
        if (unknowns.Count == 0)
        {
            return false;
        }

        var column = unknowns.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var rows = new List<Rational[]>();
        foreach (var equation in equations)
        {
            var row = Enumerable.Repeat(Rational.Zero, unknowns.Count + 1).ToArray();
            var rhs = Rational.Zero;
            bool any = false;
            foreach (var (key, coefficient) in equation)
            {
                if (known.TryGetValue(key, out long value))
                {
                    rhs -= Rational.FromInteger(coefficient * value);
                }
                else
                {
                    row[column[key]] += Rational.FromInteger(coefficient);
                    any = true;
                }
            }

            if (any)
            {
                row[unknowns.Count] = rhs;
                rows.Add(row);
            }
        }

        // Reduced row echelon form.
        int pivotRow = 0;
        var pivotColumns = new List<int>();
        for (int c = 0; c < unknowns.Count && pivotRow < rows.Count; c++)
        {
            int found = rows.FindIndex(pivotRow, r => !r[c].IsZero);
            if (found < 0)
            {
                continue;
            }

            (rows[pivotRow], rows[found]) = (rows[found], rows[pivotRow]);
            var pivot = rows[pivotRow][c];
            for (int j = 0; j <= unknowns.Count; j++)
            {
                rows[pivotRow][j] /= pivot;
            }

            for (int r = 0; r < rows.Count; r++)
            {
                if (r != pivotRow && !rows[r][c].IsZero)
                {
                    var factor = rows[r][c];
                    for (int j = 0; j <= unknowns.Count; j++)
                    {
                        rows[r][j] -= factor * rows[pivotRow][j];
                    }
                }
            }

            pivotColumns.Add(c);
            pivotRow++;
        }

        bool progress = false;
        for (int r = 0; r < pivotColumns.Count; r++)
        {
            int c = pivotColumns[r];
            bool alone = Enumerable.Range(0, unknowns.Count).All(j => j == c || rows[r][j].IsZero);
            if (alone && rows[r][unknowns.Count].IsInteger)
            {
                known[unknowns[c]] = (long)rows[r][unknowns.Count].Numerator;
                progress = true;
            }
        }

        return progress;
    }

    private sealed record PublishedRate(CellKey Numerator, CellKey Denominator, decimal Multiplier, int Decimals, decimal Shown);
}
