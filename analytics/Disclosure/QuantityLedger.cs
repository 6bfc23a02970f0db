using System.Globalization;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// Every quantity a pack publishes, directly or through rates, with the additive relations between
/// them and what a reader can know about each. Quantities are identified by <see cref="CellKey"/>,
/// so one number shown in several tables is one entry: suppressing it suppresses it everywhere.
/// </summary>
internal sealed class QuantityLedger
{
    private readonly Dictionary<CellKey, int> index = [];
    private readonly List<CellKey> keys = [];
    private readonly List<long?> values = [];
    private readonly List<QuantityState> states = [];
    private readonly List<SuppressionReason?> reasons = [];
    private readonly List<LedgerRelation> relations = [];
    private readonly List<List<int>> relationsOf = [];
    private readonly HashSet<string> signatures = new(StringComparer.Ordinal);

    public int Count => keys.Count;

    public IReadOnlyList<LedgerRelation> Relations => relations;

    /// <summary>
    /// Registers the quantities of every count cell and every rate (numerator, denominator and their
    /// difference), and the relations of the tables, the links and the rates; then marks counts from 1 to
    /// the threshold as primary suppressions.
    /// </summary>
    public static QuantityLedger Build(DisclosureRequest request, DisclosureOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var ledger = new QuantityLedger();
        var tableIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in request.Tables)
        {
            if (!tableIds.Add(table.Id))
            {
                throw new ArgumentException($"Table '{table.Id}' appears twice.", nameof(request));
            }

            var cellIds = new HashSet<CellKey>();
            foreach (var cell in table.Cells)
            {
                if (!cellIds.Add(cell.Id))
                {
                    throw new ArgumentException($"Table '{table.Id}' has cell '{cell.Id}' twice.", nameof(request));
                }

                switch (cell)
                {
                    case CountCell count:
                        ledger.Register(count.Id, count.NotApplicable ? null : count.Value);
                        break;
                    case RateCell rate:
                        ledger.RegisterRate(rate);
                        break;
                }
            }
        }

        foreach (var relation in request.Tables.SelectMany(t => t.Relations).Concat(request.Links))
        {
            ledger.AddRelation(relation);
        }

        foreach (var reveal in request.Tables.SelectMany(t => t.Cells).OfType<StatisticCell>().SelectMany(s => s.Reveals))
        {
            if (!ledger.TryFind(reveal, out _))
            {
                throw new ArgumentException($"A statistic reveals '{reveal}', which is not a count in this pack.", nameof(request));
            }
        }

        for (int q = 0; q < ledger.Count; q++)
        {
            if (ledger.values[q] is long value && value >= 1 && value <= options.Threshold)
            {
                ledger.states[q] = QuantityState.Primary;
                ledger.reasons[q] = new SuppressionReason(SuppressionRule.SmallCount, string.Create(CultureInfo.InvariantCulture, $"{ledger.keys[q]} is a count from 1 to {options.Threshold}."));
            }
        }

        return ledger;
    }

    public CellKey Key(int quantity) => keys[quantity];

    public long? Value(int quantity) => values[quantity];

    public QuantityState State(int quantity) => states[quantity];

    public SuppressionReason? Reason(int quantity) => reasons[quantity];

    public IReadOnlyList<int> RelationsOf(int quantity) => relationsOf[quantity];

    /// <summary>Not known to a reader: suppressed or unavailable.</summary>
    public bool IsHidden(int quantity) => states[quantity] != QuantityState.Published;

    /// <summary>Suppressed, primary or secondary: must never be recoverable.</summary>
    public bool IsSuppressed(int quantity) => states[quantity] is QuantityState.Primary or QuantityState.Secondary;

    public bool TryFind(CellKey key, out int quantity) => index.TryGetValue(key, out quantity);

    public int Find(CellKey key) => index.TryGetValue(key, out int quantity)
        ? quantity
        : throw new KeyNotFoundException($"'{key}' is not a quantity of this pack.");

    /// <summary>Hides a published quantity as a secondary suppression.</summary>
    public void SuppressSecondary(int quantity, SuppressionReason reason)
    {
        if (states[quantity] != QuantityState.Published)
        {
            throw new InvalidOperationException($"'{keys[quantity]}' is already hidden.");
        }

        states[quantity] = QuantityState.Secondary;
        reasons[quantity] = reason;
    }

    /// <summary>Undoes a tentative <see cref="SuppressSecondary"/>.</summary>
    public void Restore(int quantity)
    {
        states[quantity] = QuantityState.Published;
        reasons[quantity] = null;
    }

    private int Register(CellKey key, long? value)
    {
        if (value < 0)
        {
            throw new ArgumentException($"'{key}' is negative; counts cannot be.", nameof(value));
        }

        if (index.TryGetValue(key, out int existing))
        {
            if (values[existing] != value)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{key}' is given two different values ({values[existing]} and {value})."), nameof(value));
            }

            return existing;
        }

        int quantity = keys.Count;
        index.Add(key, quantity);
        keys.Add(key);
        values.Add(value);
        states.Add(value is null ? QuantityState.Unavailable : QuantityState.Published);
        reasons.Add(null);
        relationsOf.Add([]);
        return quantity;
    }

    private void RegisterRate(RateCell rate)
    {
        var numerator = rate.Numerator;
        var denominator = rate.Denominator;
        if (numerator.Key == denominator.Key)
        {
            throw new ArgumentException($"Rate '{rate.Id}' has the same numerator and denominator.", nameof(rate));
        }

        int top = Register(numerator.Key, numerator.Value);
        int bottom = Register(denominator.Key, denominator.Value);
        if (numerator.Value > denominator.Value)
        {
            // Not a part of a whole but a ratio to a reference population (consultations per 10,000
            // children can exceed 10,000 at national scale): there is no "rest" for a reader to recover,
            // so no difference quantity. The numerator and denominator are protected as themselves.
            return;
        }

        // The difference is a quantity in its own right: 96% of 25 reveals one disagreement. Adding it
        // with the relation denominator = numerator + difference makes secondary suppression protect it
        // wherever the numerator and denominator are both shown as counts.
        var differenceKey = CellKey.Difference(denominator.Key, numerator.Key);
        int difference = Register(differenceKey, denominator.Value - numerator.Value);
        AddRelation(bottom, [top, difference], $"{denominator.Key} = {numerator.Key} + ({differenceKey}) (rate {rate.Id})");
    }

    private void AddRelation(AdditiveRelation relation)
    {
        int total = Find(relation.Total);
        var parts = relation.Parts.Select(Find).ToList();
        if (parts.Count == 0)
        {
            throw new ArgumentException($"Relation '{relation}' has no parts.", nameof(relation));
        }

        AddRelation(total, parts, relation.Description is null ? relation.ToString() : $"{relation} ({relation.Description})");
    }

    private void AddRelation(int total, List<int> parts, string text)
    {
        var members = new List<int>(parts.Count + 1) { total };
        foreach (int part in parts)
        {
            if (members.Contains(part))
            {
                throw new ArgumentException($"Relation '{text}' names a quantity twice.", nameof(parts));
            }

            members.Add(part);
        }

        var coefficients = members.Select((_, i) => i == 0 ? 1 : -1).ToList();
        string signature = string.Join(',', members.Zip(coefficients).OrderBy(m => m.First).Select(m => $"{m.First}:{m.Second}"));
        if (!signatures.Add(signature))
        {
            return;
        }

        if (members.All(m => values[m].HasValue))
        {
            long sum = members.Zip(coefficients).Sum(m => values[m.First]!.Value * m.Second);
            if (sum != 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Relation '{text}' does not add up (total minus parts = {sum})."), nameof(parts));
            }
        }

        int id = relations.Count;
        relations.Add(new LedgerRelation(members, coefficients, text));
        foreach (int member in members)
        {
            relationsOf[member].Add(id);
        }
    }
}
