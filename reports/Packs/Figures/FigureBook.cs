using System.Globalization;
using Warehouse.Analytics.Disclosure;

namespace Warehouse.Reports.Packs.Figures;

/// <summary>
/// Everything one pack publishes, collected before disclosure control: each table's cells, every
/// quantity's value, and the additive relations a reader could use between them – inside a table
/// (row and column totals) and across tables (a partnership and its localities, an area made of a
/// single locality, the year and its months). <see cref="Request"/> hands
/// all of it to the disclosure stage at once, so a figure is suppressed alike wherever it appears.
/// </summary>
internal sealed class FigureBook
{
    private readonly Dictionary<CellKey, long?> _quantities = [];
    private readonly Dictionary<CellKey, FigureInfo> _figures = [];
    private readonly List<FigureInfo> _order = [];
    private readonly List<DisclosureTable> _tables = [];
    private readonly List<(AdditiveRelation Relation, bool Optional)> _pending = [];
    private readonly List<string> _skipped = [];

    /// <summary>Figures shown in any table, in the order they first appear (the tidy CSV's order).</summary>
    public IReadOnlyList<FigureInfo> Figures => _order;

    /// <summary>Relations declared but left out because a member is not published or the values do not add up (a sign of a bug; tests assert it stays empty).</summary>
    public IReadOnlyList<string> SkippedRelations => _skipped;

    /// <summary>The raw value of every quantity, shown or behind a rate (for tests: the truth an intruder must not learn).</summary>
    public IReadOnlyDictionary<CellKey, long?> Quantities => _quantities;

    public bool IsShown(CellKey key) => _figures.ContainsKey(key);

    public FigureInfo Info(CellKey key) => _figures[key];

    /// <summary>The value a quantity was registered with, or null when it is not (yet) part of the pack.</summary>
    public long? ValueOf(CellKey key) => _quantities.TryGetValue(key, out var value) ? value : null;

    public TableBuilder Table(string id) => new(this, id);

    /// <summary>total = Σ parts, wherever the figures appear. Kept only if every member is published and the values add up.</summary>
    public void Sum(CellKey total, IEnumerable<CellKey> parts, string description)
    {
        var list = parts.ToList();
        if (list.Count > 0)
        {
            _pending.Add((new AdditiveRelation(total, list) { Description = description }, false));
        }
    }

    /// <summary>
    /// total = Σ parts where the data make it so (e.g. rows read = loaded + rejected for most files, not
    /// all): kept when the values add up, as a reader would then use it, and dropped silently otherwise.
    /// </summary>
    public void SumIfItHolds(CellKey total, IEnumerable<CellKey> parts, string description)
    {
        var list = parts.ToList();
        if (list.Count > 0)
        {
            _pending.Add((new AdditiveRelation(total, list) { Description = description }, true));
        }
    }

    /// <summary>The relations that hold between published figures (known after <see cref="Request"/>).</summary>
    public IReadOnlyList<AdditiveRelation> Relations { get; private set; } = [];

    /// <summary>The disclosure request: every table and every relation that holds.</summary>
    /// <param name="previous">The previous pack's figures, for [r].</param>
    /// <param name="declareRelations">
    /// False only in tests, to show that the disclosure tests' intruder finds what an undeclared total
    /// gives away: the relations are then kept from the disclosure stage (not from <see cref="Relations"/>).
    /// </param>
    public DisclosureRequest Request(IReadOnlyDictionary<CellKey, PublishedFigure> previous, bool declareRelations = true)
    {
        var links = new List<AdditiveRelation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _skipped.Clear();
        foreach (var (relation, optional) in _pending)
        {
            var members = relation.Parts.Prepend(relation.Total).ToList();
            if (members.Distinct().Count() != members.Count)
            {
                _skipped.Add($"{relation}: names a figure twice");
                continue;
            }

            if (members.Any(m => !_quantities.TryGetValue(m, out var v) || v is null))
            {
                // A member that is not published (or not available) gives a reader nothing to work with.
                continue;
            }

            long sum = relation.Parts.Sum(p => _quantities[p]!.Value);
            if (sum != _quantities[relation.Total]!.Value)
            {
                if (optional)
                {
                    continue;
                }

                _skipped.Add($"{relation} ({relation.Description}): {_quantities[relation.Total]} ≠ {sum}");
                continue;
            }

            if (seen.Add(string.Join(',', relation.Parts.Select(p => p.Value).Order(StringComparer.Ordinal).Prepend(relation.Total.Value))))
            {
                links.Add(relation);
            }
        }

        Relations = links;

        // A statistic can only give away quantities the pack has: drop the others from what it reveals.
        var tables = _tables.Select(t => t with
        {
            Cells = t.Cells.Select(c => c is StatisticCell s ? s with { Reveals = s.Reveals.Where(_quantities.ContainsKey).Distinct().Order().ToList() } : c).ToList(),
        }).ToList();
        CheckSameEverywhere(tables);
        return new DisclosureRequest(tables) { Links = declareRelations ? links : [], Previous = previous };
    }

    /// <summary>
    /// A figure in two tables must be declared alike (same parts, interval, rounding, what it reveals),
    /// or the disclosure stage could show it in one table and hide it in the other.
    /// </summary>
    private static void CheckSameEverywhere(List<DisclosureTable> tables)
    {
        var seen = new Dictionary<CellKey, (string Table, string Signature)>();
        foreach (var table in tables)
        {
            foreach (var cell in table.Cells)
            {
                var signature = Signature(cell);
                if (seen.TryGetValue(cell.Id, out var first) && first.Signature != signature)
                {
                    throw new InvalidOperationException($"'{cell.Id}' is declared differently in tables '{first.Table}' and '{table.Id}': {first.Signature} / {signature}.");
                }

                seen.TryAdd(cell.Id, (table.Id, signature));
            }
        }
    }

    private static string Signature(DisclosureCell cell) => cell switch
    {
        CountCell c => string.Create(CultureInfo.InvariantCulture, $"count {c.Value} {c.NotApplicable} {c.Provisional}"),
        RateCell r => string.Create(CultureInfo.InvariantCulture, $"rate {r.Numerator} {r.Denominator} ×{r.Multiplier} {r.Decimals} {r.ApplyMinimumCases} {r.Interval} {r.Provisional}"),
        StatisticCell s => string.Create(CultureInfo.InvariantCulture, $"statistic {s.Value:R} {s.Cases} {s.Decimals} {s.NotApplicable} {s.Interval} {s.Provisional} [{string.Join(",", s.Reveals)}]"),
        _ => cell.ToString(),
    };

    internal void Register(CellKey key, long? value)
    {
        if (_quantities.TryGetValue(key, out var existing))
        {
            if (existing != value)
            {
                throw new InvalidOperationException($"The pack gives '{key}' two values ({existing} and {value}).");
            }

            return;
        }

        _quantities.Add(key, value);
    }

    internal void Show(FigureInfo info)
    {
        var key = info.Id.Key;
        if (_figures.TryGetValue(key, out var existing))
        {
            if (existing.Unit != info.Unit)
            {
                throw new InvalidOperationException($"'{key}' is shown as {existing.Unit} and as {info.Unit}.");
            }

            if (existing.Flag is null && info.Flag is not null)
            {
                _figures[key] = existing with { Flag = info.Flag };
                _order[_order.IndexOf(existing)] = _figures[key];
            }

            return;
        }

        _figures.Add(key, info);
        _order.Add(info);
    }

    internal void Add(DisclosureTable table) => _tables.Add(table);
}
