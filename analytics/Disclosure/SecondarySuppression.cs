namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// Complementary suppression across every table of a pack, iterated to a fixed point.
/// </summary>
/// <remarks>
/// <para>Step 1, repeated while it changes anything: any relation (row, column, grand total, cross-table
/// link, rate difference) with exactly one hidden member that is suppressed gets a second hidden member,
/// the smallest non-zero published member (ties by key, ordinal), a zero only when nothing else is left.</para>
/// <para>Step 2: exact linear algebra over all relations (<see cref="LinearRecoverability"/>) finds
/// suppressed quantities that are still recoverable by combining relations (differences of totals across
/// linked tables). For the first such quantity (by key), the published members of its component are tried
/// in the same order and the first whose suppression makes it unrecoverable is suppressed; then back to
/// step 1. Every round hides at least one more quantity, so the loop ends.</para>
/// <para>Because a quantity is one ledger entry however many tables show it, a cell suppressed in one
/// table is suppressed in every table that shows it.</para>
/// </remarks>
internal static class SecondarySuppression
{
    public static void Run(QuantityLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);

        // A suppressed quantity that stays recoverable with nothing left to hide can only be a structural
        // zero (a homogeneous system); it is set aside rather than looped on.
        var unprotectable = new HashSet<int>();
        while (true)
        {
            if (ProtectSingleUnknowns(ledger))
            {
                continue;
            }

            int? exposed = LinearRecoverability.Determined(ledger)
                .Where(q => ledger.IsSuppressed(q) && !unprotectable.Contains(q))
                .OrderBy(ledger.Key)
                .Select(q => (int?)q)
                .FirstOrDefault();
            if (exposed is not int target)
            {
                return;
            }

            if (!ProtectByElimination(ledger, target))
            {
                unprotectable.Add(target);
            }
        }
    }

    private static bool ProtectSingleUnknowns(QuantityLedger ledger)
    {
        bool changed = false;
        foreach (var relation in ledger.Relations)
        {
            int hiddenCount = 0;
            int hidden = -1;
            foreach (int member in relation.Members)
            {
                if (ledger.IsHidden(member))
                {
                    hiddenCount++;
                    hidden = member;
                }
            }

            if (hiddenCount != 1 || !ledger.IsSuppressed(hidden))
            {
                continue;
            }

            int candidate = Candidates(ledger, relation.Members).First();
            ledger.SuppressSecondary(candidate, new SuppressionReason(
                SuppressionRule.Complementary,
                $"Hidden so that {ledger.Key(hidden)} cannot be worked out from {relation.Text}."));
            changed = true;
        }

        return changed;
    }

    private static bool ProtectByElimination(QuantityLedger ledger, int target)
    {
        var (_, relations) = LinearRecoverability.Component(ledger, target);
        var candidates = Candidates(ledger, relations.SelectMany(r => ledger.Relations[r].Members)).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var reason = new SuppressionReason(
            SuppressionRule.Complementary,
            $"Hidden so that {ledger.Key(target)} cannot be worked out by combining totals across tables.");
        foreach (int candidate in candidates.Take(SingleTries))
        {
            ledger.SuppressSecondary(candidate, reason);
            if (!LinearRecoverability.IsDetermined(ledger, target))
            {
                return true;
            }

            ledger.Restore(candidate);
        }

        // No one of the first cells is enough (sparse months, where most of a table is hidden already):
        // hide cells in the same order until the quantity is protected, then give back, latest first,
        // every one it stays protected without. Trying each remaining cell alone, and hiding just one
        // per round when none was enough, took minutes on a small partnership's pack.
        var hidden = new List<int>();
        foreach (int candidate in candidates)
        {
            ledger.SuppressSecondary(candidate, reason);
            hidden.Add(candidate);
            if (!LinearRecoverability.IsDetermined(ledger, target))
            {
                break;
            }
        }

        for (int i = hidden.Count - 2; i >= 0; i--)
        {
            ledger.Restore(hidden[i]);
            if (LinearRecoverability.IsDetermined(ledger, target))
            {
                ledger.SuppressSecondary(hidden[i], reason);
            }
        }

        return true;
    }

    /// <summary>How many cells are tried one at a time before hiding several together.</summary>
    private const int SingleTries = 8;

    /// <summary>Published quantities in suppression order: non-zero before zero, smallest first, then by key.</summary>
    private static IEnumerable<int> Candidates(QuantityLedger ledger, IEnumerable<int> quantities) => quantities
        .Distinct()
        .Where(q => !ledger.IsHidden(q))
        .OrderBy(q => ledger.Value(q) == 0 ? 1 : 0)
        .ThenBy(q => ledger.Value(q))
        .ThenBy(ledger.Key);
}
