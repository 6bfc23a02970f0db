namespace Warehouse.Store.DuckDb;

/// <summary>A DuckDB INTERVAL: months, days and microseconds kept apart, as DuckDB keeps them.</summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    /// <summary>The interval as a <see cref="TimeSpan"/>; only defined when it has no months.</summary>
    public TimeSpan ToTimeSpan() => Months == 0
        ? TimeSpan.FromDays(Days) + TimeSpan.FromTicks(Micros * 10)
        : throw new InvalidCastException($"An interval of {Months} month(s) has no fixed length and cannot become a TimeSpan.");
}
