using System.Globalization;
using System.Numerics;

namespace Warehouse.Frameworks;

/// <summary>
/// The level engine: what a consultation's indicators suggest under a framework's rules. Both seed documents say
/// they are not checklists, so the answer is a prompt for reflection ("cases to look at"), never a verdict.
/// </summary>
/// <remarks>
/// The rules are applied in a fixed order, with the parameters the framework file gives them:
/// <list type="number">
/// <item><c>top_level_on_its_own</c>: any indicator so marked → the top level, clear.</item>
/// <item><c>accumulation</c>: let H be the highest level present; at least <c>min_indicators</c> indicators at H,
/// across at least <c>min_domains</c> domains, with <c>min_level</c> ≤ H &lt; <c>max_result_level</c> → H + 1,
/// borderline (alternative H).</item>
/// <item><c>isolated_higher</c>: H ≥ <c>min_level</c> and at most <c>max_indicators</c> indicators at H → H,
/// borderline (alternative H − 1) – unless the indicators at H − 1 would themselves accumulate to H, which
/// corroborates H (then clear, decided by <c>highest_present</c>).</item>
/// <item><c>highest_present</c>: H, clear.</item>
/// </list>
/// A rule the file leaves out does not apply (<c>highest_present</c> is required). Repeated indicators count
/// once. The engine is a pure function of the framework and the indicators; it allocates nothing.
/// </remarks>
public static class LevelEngine
{
    /// <summary>The rule id reported when no indicators are given.</summary>
    public const string NoIndicatorsRuleId = "no_indicators";

    private const string NoneReason = "No indicators recorded.";
    private const string TopReason = "An indicator that means the top level on its own is recorded.";
    private const string AccumulationReason = "Several indicators at one level, across domains, together raise the level by one.";
    private const string IsolatedReason = "Few indicators at the highest level present: the level below may be enough.";
    private const string HighestReason = "The level of the highest indicators recorded.";
    private const string CorroboratedReason = "The level of the highest indicators recorded, corroborated by an accumulation one level below.";

    // Up to 512 indicators per framework the "seen" set lives on the stack.
    private const int StackWords = 8;

    private static readonly IndicatedLevel NoIndicators =
        new(null, EngineRuleKind.None, NoIndicatorsRuleId, IndicationCertainty.None, null, 0, NoneReason);

    /// <summary>The indicated level for a consultation's indicators, given by <see cref="Indicator.Id"/>.</summary>
    /// <param name="framework">The framework version in force on the consultation date.</param>
    /// <param name="indicatorIds">The indicators' ids in that version; repeats count once.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is not an indicator of the framework.</exception>
    public static IndicatedLevel Indicate(Framework framework, ReadOnlySpan<int> indicatorIds) =>
        Indicate(framework, indicatorIds, []);

    /// <summary>
    /// The indicated level, and the ids of the indicators behind it written to <paramref name="behind"/> (in the
    /// order given, each once; <see cref="IndicatedLevel.BehindCount"/> of them). Pass an empty span to skip them.
    /// </summary>
    /// <param name="framework">The framework version in force on the consultation date.</param>
    /// <param name="indicatorIds">The indicators' ids in that version; repeats count once.</param>
    /// <param name="behind">Empty, or at least as long as <paramref name="indicatorIds"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id is not an indicator of the framework.</exception>
    /// <exception cref="ArgumentException"><paramref name="behind"/> is not empty and too short.</exception>
    public static IndicatedLevel Indicate(Framework framework, ReadOnlySpan<int> indicatorIds, Span<int> behind)
    {
        ArgumentNullException.ThrowIfNull(framework);
        if (indicatorIds.IsEmpty)
        {
            return NoIndicators;
        }

        if (!behind.IsEmpty && behind.Length < indicatorIds.Length)
        {
            throw new ArgumentException("The span for the indicators behind the result must be empty or as long as the indicators given.", nameof(behind));
        }

        var table = framework.Engine;
        var levels = table.IndicatorLevel;
        var words = (levels.Length + 63) >> 6;
        Span<ulong> seen = words <= StackWords ? stackalloc ulong[StackWords] : new ulong[words];
        Span<int> counts = stackalloc int[5];
        Span<ulong> domains = stackalloc ulong[5];
        var topCount = 0;
        foreach (var id in indicatorIds)
        {
            if ((uint)id >= (uint)levels.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(indicatorIds), id, $"Not an indicator id of {framework}.");
            }

            ref var word = ref seen[id >> 6];
            var bit = 1UL << (id & 63);
            if ((word & bit) != 0)
            {
                continue;
            }

            word |= bit;
            int level = levels[id];
            counts[level]++;
            domains[level] |= 1UL << table.IndicatorDomain[id];
            if (table.IndicatorTop[id])
            {
                topCount++;
            }
        }

        if (topCount > 0 && table.Top is not null)
        {
            WriteBehind(table, indicatorIds, seen, behind, top: true, 0, 0);
            return new IndicatedLevel(table.TopLevel, EngineRuleKind.TopLevelOnItsOwn, table.Top.Id, IndicationCertainty.Clear, null, topCount, TopReason);
        }

        var high = 4;
        while (counts[high] == 0)
        {
            high--;
        }

        var atHigh = counts[high];
        if (table.Accumulates(high, atHigh, BitOperations.PopCount(domains[high])))
        {
            WriteBehind(table, indicatorIds, seen, behind, top: false, high, high);
            return new IndicatedLevel(high + 1, EngineRuleKind.Accumulation, table.Accumulation!.Id, IndicationCertainty.Borderline, high, atHigh, AccumulationReason);
        }

        if (table.Isolated is not null && high >= table.IsolatedMinLevel && atHigh <= table.IsolatedMaxIndicators)
        {
            var below = high - 1;
            if (table.Accumulates(below, counts[below], BitOperations.PopCount(domains[below])))
            {
                WriteBehind(table, indicatorIds, seen, behind, top: false, below, high);
                return new IndicatedLevel(high, EngineRuleKind.HighestPresent, table.Highest.Id, IndicationCertainty.Clear, null, atHigh + counts[below], CorroboratedReason);
            }

            WriteBehind(table, indicatorIds, seen, behind, top: false, high, high);
            return new IndicatedLevel(high, EngineRuleKind.IsolatedHigher, table.Isolated.Id, IndicationCertainty.Borderline, below, atHigh, IsolatedReason);
        }

        WriteBehind(table, indicatorIds, seen, behind, top: false, high, high);
        return new IndicatedLevel(high, EngineRuleKind.HighestPresent, table.Highest.Id, IndicationCertainty.Clear, null, atHigh, HighestReason);
    }

    /// <summary>
    /// The indicated level for indicator codes, explained for a person: the rule as the file states it, the
    /// indicators behind the result and a reason with the counts. Allocates; use <see cref="Indicate(Framework, ReadOnlySpan{int})"/> in bulk.
    /// </summary>
    /// <exception cref="ArgumentException">A code is not an indicator of the framework.</exception>
    public static Indication Explain(Framework framework, IEnumerable<string> indicatorCodes)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(indicatorCodes);
        var ids = new List<int>();
        foreach (var code in indicatorCodes)
        {
            if (!framework.TryGetIndicator(code, out var indicator))
            {
                throw new ArgumentException($"'{code}' is not an indicator of {framework}.", nameof(indicatorCodes));
            }

            ids.Add(indicator.Id);
        }

        var buffer = new int[ids.Count];
        var result = Indicate(framework, ids.ToArray(), buffer);
        var behind = buffer.Take(result.BehindCount).Select(id => framework.Indicators[id]).ToList();
        var rule = framework.Rules.FirstOrDefault(r => r.Id == result.RuleId);
        var level = result.Level is { } n ? framework.LevelNumbered(n) : null;
        var alternative = result.AlternativeLevel is { } a ? framework.LevelNumbered(a) : null;
        return new Indication(level, result.Certainty, alternative, result.RuleId, rule, behind, Describe(framework, result, behind));
    }

    private static void WriteBehind(EngineTable table, ReadOnlySpan<int> ids, Span<ulong> seen, Span<int> behind, bool top, int fromLevel, int toLevel)
    {
        if (behind.IsEmpty)
        {
            return;
        }

        // Every given id has its bit set in seen; clearing it on the way writes each indicator once.
        var written = 0;
        foreach (var id in ids)
        {
            ref var word = ref seen[id >> 6];
            var bit = 1UL << (id & 63);
            if ((word & bit) == 0)
            {
                continue;
            }

            word &= ~bit;
            int level = table.IndicatorLevel[id];
            if (top ? table.IndicatorTop[id] : level >= fromLevel && level <= toLevel)
            {
                behind[written++] = id;
            }
        }
    }

    private static string Describe(Framework framework, IndicatedLevel result, List<Indicator> behind)
    {
        string Name(int number) => $"{framework.LevelNumbered(number).DisplayName} ({number})";
        var domains = behind.Select(i => i.Domain).Distinct().Count();
        var codes = string.Join(", ", behind.Select(i => i.Code));
        var table = framework.Engine;
        return result.Rule switch
        {
            EngineRuleKind.None => NoneReason,
            EngineRuleKind.TopLevelOnItsOwn => string.Create(
                CultureInfo.InvariantCulture,
                $"{behind.Count} indicator(s) that mean {Name(result.Level!.Value)} on their own: {codes}."),
            EngineRuleKind.Accumulation => string.Create(
                CultureInfo.InvariantCulture,
                $"{behind.Count} indicators at {Name(result.AlternativeLevel!.Value)} across {domains} domains (rule {result.RuleId}: at least {table.AccumulationMinIndicators} across {table.AccumulationMinDomains}) can together raise the level to {Name(result.Level!.Value)}; borderline: {codes}."),
            EngineRuleKind.IsolatedHigher => string.Create(
                CultureInfo.InvariantCulture,
                $"Only {behind.Count} indicator(s) at {Name(result.Level!.Value)} (rule {result.RuleId}: at most {table.IsolatedMaxIndicators}); {Name(result.AlternativeLevel!.Value)} may be enough; borderline: {codes}."),
            _ when result.BehindCount > behind.Count(i => i.Level.Number == result.Level) => string.Create(
                CultureInfo.InvariantCulture,
                $"{behind.Count(i => i.Level.Number == result.Level)} indicator(s) at {Name(result.Level!.Value)}, corroborated by {behind.Count(i => i.Level.Number != result.Level)} at the level below that accumulate: {codes}."),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $"{behind.Count} indicator(s) at {Name(result.Level!.Value)}, the highest level recorded: {codes}."),
        };
    }
}
