namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// The identity of one published figure across a whole pack. The same key in two tables is the same
/// figure, so it is suppressed or published in both alike: this is how "the same total appearing in
/// two tables" is declared.
/// </summary>
internal readonly record struct CellKey : IComparable<CellKey>
{
    public CellKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    /// <summary>Joins parts with '|': <c>CellKey.Of("consultations", "L1", "level 2")</c>.</summary>
    public static CellKey Of(params string[] parts) => new(string.Join('|', parts));

    /// <summary>The implicit quantity "denominator − numerator" of a rate (e.g. the disagreements behind an agreement rate).</summary>
    public static CellKey Difference(CellKey denominator, CellKey numerator) => new($"({denominator.Value}) - ({numerator.Value})");

    public int CompareTo(CellKey other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(CellKey left, CellKey right) => left.CompareTo(right) < 0;

    public static bool operator >(CellKey left, CellKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(CellKey left, CellKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CellKey left, CellKey right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value;
}
