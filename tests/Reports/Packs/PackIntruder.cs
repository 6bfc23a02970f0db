using System.Globalization;
using System.Numerics;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// An attacker who has every file a month's output publishes (read here through its tidy CSV, which
/// holds every published figure) and knows the pack's layout – which figures are totals of which, and
/// which counts each rate divides – but none of the values behind a symbol. Written independently of
/// the disclosure stage: it inverts published rates (a rate and its denominator give the numerator,
/// a rate and its numerator the denominator, when only one whole number fits the rounding) and runs
/// exact Gaussian elimination over every relation, until it learns nothing new.
/// </summary>
internal sealed class PackIntruder
{
    private readonly List<Dictionary<string, BigInteger>> _equations = [];
    private readonly List<(string Numerator, string Denominator, decimal Multiplier, int Decimals, decimal Shown)> _rates = [];
    private readonly Dictionary<string, long> _known = new(StringComparer.Ordinal);

    public PackIntruder(PackLayout layout, string tidyPath)
    {
        foreach (var (total, parts) in layout.Relations)
        {
            var equation = new Dictionary<string, BigInteger>(StringComparer.Ordinal) { [total] = 1 };
            foreach (var part in parts)
            {
                equation[part] = equation.GetValueOrDefault(part) - 1;
            }

            _equations.Add(equation);
        }

        var published = CsvText.Records(tidyPath).ToDictionary(
            r => FigureId.KeyOf(r["period"], r["grouping"], Unneutralise(r["group"]), r["comparison"].Length == 0 ? null : r["comparison"], r["measure"]),
            StringComparer.Ordinal);
        foreach (var (key, row) in published)
        {
            if (row["unit"] == "count" && long.TryParse(row["value"], NumberStyles.Integer, CultureInfo.InvariantCulture, out long count))
            {
                _known[key] = count;
            }
        }

        // What a reader knows without being told: every grouping (localities, areas, agencies, sectors,
        // teams, equality groups) divides the partnership, for every count and for every rate's
        // numerator and denominator. Only the partitions that hold are kept (the reader knows which do).
        var rateParts = layout.Rates.Where(r => published.ContainsKey(r.Id)).ToList();
        var figures = published.Select(p => (Row: p.Value, Count: p.Value["unit"] == "count" ? p.Key : null, Rate: rateParts.FirstOrDefault(r => r.Id == p.Key)))
            .ToList();
        foreach (var family in figures.GroupBy(f => (f.Row["period"], f.Row["comparison"], f.Row["measure"])))
        {
            var total = family.FirstOrDefault(f => f.Row["grouping"] == "partnership");
            if (total.Row is null)
            {
                continue;
            }

            foreach (var grouping in family.Where(f => f.Row["grouping"] != "partnership").GroupBy(f => f.Row["grouping"]))
            {
                foreach (var select in new Func<(Dictionary<string, string> Row, string? Count, (string Id, string Numerator, string Denominator, decimal Multiplier) Rate), string?>[]
                {
                    f => f.Count,
                    f => f.Rate.Id is null ? null : f.Rate.Numerator,
                    f => f.Rate.Id is null ? null : f.Rate.Denominator,
                })
                {
                    var whole = select(total);
                    var parts = grouping.Select(select).ToList();
                    if (whole is null || parts.Any(p => p is null) || parts.Distinct().Count() != parts.Count)
                    {
                        continue;
                    }

                    if (layout.Truth.TryGetValue(whole, out var t) && t is long sum
                        && parts.All(p => layout.Truth.TryGetValue(p!, out var v) && v is not null)
                        && parts.Sum(p => layout.Truth[p!]!.Value) == sum)
                    {
                        var equation = new Dictionary<string, BigInteger>(StringComparer.Ordinal) { [whole] = 1 };
                        foreach (var part in parts)
                        {
                            equation[part!] = -1;
                        }

                        _equations.Add(equation);
                    }
                }
            }
        }

        // Load counts: for a file kind and outcome, rows read = rows loaded + rows rejected, where it holds.
        foreach (var read in published.Where(p => p.Value["grouping"] == "file_kind" && p.Value["measure"].EndsWith("_rows_read", StringComparison.Ordinal)))
        {
            var prefix = read.Value["measure"][..^"rows_read".Length];
            string Sibling(string measure) => FigureId.KeyOf(read.Value["period"], "file_kind", read.Value["group"], null, prefix + measure);
            var (loaded, rejected) = (Sibling("rows_loaded"), Sibling("rows_rejected"));
            if (layout.Truth.GetValueOrDefault(read.Key) is long r && layout.Truth.GetValueOrDefault(loaded) is long l && layout.Truth.GetValueOrDefault(rejected) is long j && r == l + j)
            {
                _equations.Add(new Dictionary<string, BigInteger>(StringComparer.Ordinal) { [read.Key] = 1, [loaded] = -1, [rejected] = -1 });
            }
        }

        foreach (var (id, numerator, denominator, multiplier) in layout.Rates)
        {
            _equations.Add(new Dictionary<string, BigInteger>(StringComparer.Ordinal) { [denominator] = 1, [numerator] = -1, [PackLayout.Difference(denominator, numerator)] = -1 });
            if (published.TryGetValue(id, out var row) && decimal.TryParse(row["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out var shown))
            {
                int point = row["value"].IndexOf('.', StringComparison.Ordinal);
                // The pack publishes rates to one decimal place; "12" in the CSV is 12.0.
                _rates.Add((numerator, denominator, multiplier, Math.Max(1, point < 0 ? 0 : row["value"].Length - point - 1), shown));
            }
        }
    }

    public int PublishedCounts => _known.Count;

    public int PublishedRates => _rates.Count;

    /// <summary>Everything the intruder ends up knowing.</summary>
    public IReadOnlyDictionary<string, long> Attack()
    {
        bool progress = true;
        while (progress)
        {
            progress = UseRates() | Eliminate();
        }

        return _known;
    }

    private static string Unneutralise(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;

    private bool UseRates()
    {
        bool progress = false;
        foreach (var rate in _rates)
        {
            bool Fits(long numerator, long denominator) => denominator > 0 &&
                Math.Round((decimal)numerator * rate.Multiplier / denominator, rate.Decimals, MidpointRounding.AwayFromZero) == rate.Shown;

            if (_known.TryGetValue(rate.Denominator, out long d) && !_known.ContainsKey(rate.Numerator) && d < 5_000_000)
            {
                var fits = new List<long>();
                for (long x = 0; x <= d && fits.Count < 2; x++)
                {
                    if (Fits(x, d))
                    {
                        fits.Add(x);
                    }
                }

                if (fits.Count == 1)
                {
                    _known[rate.Numerator] = fits[0];
                    progress = true;
                }
            }
            else if (_known.TryGetValue(rate.Numerator, out long x) && !_known.ContainsKey(rate.Denominator) && x > 0 && rate.Shown > 0)
            {
                decimal half = 0.5m / (decimal)Math.Pow(10, rate.Decimals);
                long low = Math.Max(x, (long)Math.Floor(x * rate.Multiplier / (rate.Shown + half)));
                long high = (long)Math.Ceiling(x * rate.Multiplier / Math.Max(rate.Shown - half, 0.000001m));
                var fits = new List<long>();
                for (long candidate = low; candidate <= high && fits.Count < 2 && candidate - low < 10_000_000; candidate++)
                {
                    if (Fits(x, candidate))
                    {
                        fits.Add(candidate);
                    }
                }

                if (fits.Count == 1)
                {
                    _known[rate.Denominator] = fits[0];
                    progress = true;
                }
            }
        }

        return progress;
    }

    /// <summary>Fraction-free Gaussian elimination over the unknowns; a reduced row with one unknown gives its value.</summary>
    private bool Eliminate()
    {
        var rows = new List<(Dictionary<string, BigInteger> Terms, BigInteger Constant)>();
        foreach (var equation in _equations)
        {
            var terms = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
            BigInteger constant = 0;
            foreach (var (key, coefficient) in equation)
            {
                if (coefficient.IsZero)
                {
                    continue;
                }

                if (_known.TryGetValue(key, out long value))
                {
                    constant -= coefficient * value;
                }
                else
                {
                    terms[key] = coefficient;
                }
            }

            if (terms.Count > 0)
            {
                rows.Add((terms, constant));
            }
        }

        var pivots = new Dictionary<string, (Dictionary<string, BigInteger> Terms, BigInteger Constant)>(StringComparer.Ordinal);
        foreach (var (terms0, constant0) in rows)
        {
            var terms = new Dictionary<string, BigInteger>(terms0, StringComparer.Ordinal);
            var constant = constant0;
            foreach (var column in terms.Keys.Where(pivots.ContainsKey).ToList())
            {
                if (!terms.TryGetValue(column, out var factor))
                {
                    continue;
                }

                var (pivotTerms, pivotConstant) = pivots[column];
                var scale = pivotTerms[column];
                (terms, constant) = Combine(terms, constant, scale, pivotTerms, pivotConstant, -factor);
            }

            if (terms.Count == 0)
            {
                continue;
            }

            var pivot = terms.Keys.Min(StringComparer.Ordinal)!;
            foreach (var other in pivots.Keys.ToList())
            {
                var (otherTerms, otherConstant) = pivots[other];
                if (otherTerms.TryGetValue(pivot, out var factor))
                {
                    pivots[other] = Combine(otherTerms, otherConstant, terms[pivot], terms, constant, -factor);
                }
            }

            pivots[pivot] = (terms, constant);
        }

        bool progress = false;
        foreach (var (column, (terms, constant)) in pivots)
        {
            if (terms.Count == 1 && BigInteger.Remainder(constant, terms[column]).IsZero)
            {
                _known[column] = (long)(constant / terms[column]);
                progress = true;
            }
        }

        return progress;
    }

    private static (Dictionary<string, BigInteger>, BigInteger) Combine(
        Dictionary<string, BigInteger> x, BigInteger xConstant, BigInteger a, Dictionary<string, BigInteger> y, BigInteger yConstant, BigInteger b)
    {
        var result = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var (key, value) in x)
        {
            result[key] = a * value;
        }

        foreach (var (key, value) in y)
        {
            var sum = result.GetValueOrDefault(key) + (b * value);
            if (sum.IsZero)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = sum;
            }
        }

        var constant = (a * xConstant) + (b * yConstant);
        var divisor = result.Values.Aggregate(BigInteger.Abs(constant), BigInteger.GreatestCommonDivisor);
        if (divisor > 1)
        {
            foreach (var key in result.Keys.ToList())
            {
                result[key] /= divisor;
            }

            constant /= divisor;
        }

        return (result, constant);
    }
}
