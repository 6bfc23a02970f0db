using System.Diagnostics.CodeAnalysis;

namespace Warehouse.Frameworks;

/// <summary>The reference data: agencies, bank holidays and national comparators shared by all, and each partnership's localities.</summary>
public sealed class ReferenceDataSet
{
    private readonly Dictionary<string, Agency> agencies;
    private readonly Dictionary<string, IReadOnlyList<Locality>> localities;

    internal ReferenceDataSet(
        IReadOnlyList<Agency> agencies,
        BankHolidayCalendar bankHolidays,
        IReadOnlyList<NationalComparator> comparators,
        Dictionary<string, IReadOnlyList<Locality>> localities)
    {
        Agencies = agencies;
        this.agencies = agencies.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        BankHolidays = bankHolidays;
        NationalComparators = comparators;
        this.localities = new Dictionary<string, IReadOnlyList<Locality>>(localities, StringComparer.OrdinalIgnoreCase);
        Partnerships = [.. localities.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The agencies, in file order.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>The England and Wales working-day calendar.</summary>
    public BankHolidayCalendar BankHolidays { get; }

    /// <summary>The national comparators.</summary>
    public IReadOnlyList<NationalComparator> NationalComparators { get; }

    /// <summary>The partnerships that have localities.</summary>
    public IReadOnlyList<string> Partnerships { get; }

    /// <summary>Looks up an agency by code (case-insensitive).</summary>
    public bool TryGetAgency(string code, [NotNullWhen(true)] out Agency? agency)
    {
        ArgumentNullException.ThrowIfNull(code);
        return agencies.TryGetValue(code.Trim(), out agency);
    }

    /// <summary>A partnership's localities, in file order.</summary>
    /// <exception cref="KeyNotFoundException">The partnership has no localities.</exception>
    public IReadOnlyList<Locality> LocalitiesFor(string partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return localities.TryGetValue(partnership.Trim(), out var list)
            ? list
            : throw new KeyNotFoundException($"No localities for partnership '{partnership}' (known: {string.Join(", ", Partnerships)}).");
    }

    /// <summary>Looks up a partnership's locality by code (case-insensitive).</summary>
    public bool TryGetLocality(string partnership, string code, [NotNullWhen(true)] out Locality? locality)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(code);
        locality = localities.TryGetValue(partnership.Trim(), out var list)
            ? list.FirstOrDefault(l => string.Equals(l.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        return locality is not null;
    }

    /// <summary>The comparator for a measure and year, or null.</summary>
    public NationalComparator? Comparator(string measure, DateOnly yearEnding) =>
        NationalComparators.FirstOrDefault(c => c.YearEnding == yearEnding && string.Equals(c.Measure, measure, StringComparison.OrdinalIgnoreCase));
}
