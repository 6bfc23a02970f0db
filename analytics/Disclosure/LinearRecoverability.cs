using System.Numerics;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// Which hidden quantities a reader could work out exactly from the published ones by any combination
/// of the additive relations: one unknown in a relation, differences of totals, and everything else that
/// linear algebra allows.
/// </summary>
/// <remarks>
/// Write each relation as Σ c·x = 0 and move the published quantities to the right-hand side. A hidden
/// x_j is determined exactly when the unit vector e_j lies in the row space of the relations restricted
/// to the hidden columns; equivalently, when the reduced row echelon form has a row whose only non-zero
/// entry is in column j. The reduction is exact (integer rows kept small by their gcd), so the answer
/// does not depend on floating-point tolerance. Work is done per connected component of hidden
/// quantities, which keeps the matrices small.
/// </remarks>
internal static class LinearRecoverability
{
    /// <summary>All hidden quantities whose value follows from the published ones.</summary>
    public static IReadOnlySet<int> Determined(QuantityLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var determined = new HashSet<int>();
        var visited = new HashSet<int>();
        for (int quantity = 0; quantity < ledger.Count; quantity++)
        {
            if (!ledger.IsHidden(quantity) || visited.Contains(quantity))
            {
                continue;
            }

            var (members, relations) = Component(ledger, quantity);
            visited.UnionWith(members);
            determined.UnionWith(DeterminedIn(ledger, relations));
        }

        return determined;
    }

    /// <summary>Whether one hidden quantity follows from the published ones.</summary>
    public static bool IsDetermined(QuantityLedger ledger, int quantity)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.IsHidden(quantity) && DeterminedIn(ledger, Component(ledger, quantity).Relations).Contains(quantity);
    }

    /// <summary>The hidden quantities linked to <paramref name="start"/> through relations, and those relations.</summary>
    public static (HashSet<int> Members, List<int> Relations) Component(QuantityLedger ledger, int start)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var members = new HashSet<int> { start };
        var relations = new List<int>();
        var seenRelations = new HashSet<int>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        while (queue.TryDequeue(out int quantity))
        {
            foreach (int relation in ledger.RelationsOf(quantity))
            {
                if (!seenRelations.Add(relation))
                {
                    continue;
                }

                relations.Add(relation);
                foreach (int member in ledger.Relations[relation].Members)
                {
                    if (ledger.IsHidden(member) && members.Add(member))
                    {
                        queue.Enqueue(member);
                    }
                }
            }
        }

        return (members, relations);
    }

    private static HashSet<int> DeterminedIn(QuantityLedger ledger, List<int> relationIds)
    {
        // Pivot column → its row; every pivot row is zero in every other pivot column (reduced form).
        var pivots = new Dictionary<int, Dictionary<int, BigInteger>>();
        foreach (int relationId in relationIds)
        {
            var relation = ledger.Relations[relationId];
            var row = new Dictionary<int, BigInteger>();
            for (int i = 0; i < relation.Members.Count; i++)
            {
                if (ledger.IsHidden(relation.Members[i]))
                {
                    row[relation.Members[i]] = relation.Coefficients[i];
                }
            }

            foreach (int column in row.Keys.Where(pivots.ContainsKey).ToList())
            {
                if (row.TryGetValue(column, out var coefficient))
                {
                    var pivotRow = pivots[column];
                    row = Combine(row, pivotRow[column], pivotRow, -coefficient);
                }
            }

            if (row.Count == 0)
            {
                continue;
            }

            Normalise(row);
            int pivot = row.Keys.Min();
            foreach (int column in pivots.Keys.ToList())
            {
                var other = pivots[column];
                if (other.TryGetValue(pivot, out var coefficient))
                {
                    var reduced = Combine(other, row[pivot], row, -coefficient);
                    Normalise(reduced);
                    pivots[column] = reduced;
                }
            }

            pivots[pivot] = row;
        }

        return pivots.Where(p => p.Value.Count == 1).Select(p => p.Key).ToHashSet();
    }

    /// <summary>a·x + b·y, dropping zeros (a is always a non-zero pivot, so only the sums can vanish).</summary>
    private static Dictionary<int, BigInteger> Combine(Dictionary<int, BigInteger> x, BigInteger a, Dictionary<int, BigInteger> y, BigInteger b)
    {
        var result = new Dictionary<int, BigInteger>(x.Count + y.Count);
        foreach (var (column, value) in x)
        {
            result[column] = a * value;
        }

        foreach (var (column, value) in y)
        {
            var sum = (result.TryGetValue(column, out var existing) ? existing : BigInteger.Zero) + (b * value);
            if (sum.IsZero)
            {
                result.Remove(column);
            }
            else
            {
                result[column] = sum;
            }
        }

        return result;
    }

    private static void Normalise(Dictionary<int, BigInteger> row)
    {
        var divisor = BigInteger.Zero;
        foreach (var value in row.Values)
        {
            divisor = BigInteger.GreatestCommonDivisor(divisor, value);
        }

        if (divisor <= BigInteger.One)
        {
            return;
        }

        foreach (int column in row.Keys.ToList())
        {
            row[column] /= divisor;
        }
    }
}
