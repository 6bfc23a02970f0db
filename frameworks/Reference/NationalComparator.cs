namespace Warehouse.Frameworks;

/// <summary>A published England figure the packs set a partnership against (DfE children-in-need statistics).</summary>
/// <param name="YearEnding">The last day of the statistical year, e.g. 2025-03-31.</param>
/// <param name="Measure">The measure, e.g. <c>referrals</c>, <c>re_referrals_within_12_months</c>, <c>referrals_nfa</c>.</param>
/// <param name="Value">The published value.</param>
/// <param name="Unit"><c>count</c> or <c>percent</c>.</param>
/// <param name="Source">The publication.</param>
public sealed record NationalComparator(DateOnly YearEnding, string Measure, decimal Value, string Unit, string Source);
