namespace Warehouse.Store.DuckDb;

/// <summary>DuckDB's day and microsecond counts since 1970-01-01, to and from .NET values.</summary>
internal static class Temporal
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    internal static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    internal static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);

    internal static long ToMicros(DateTime value) => (value.Ticks - EpochTicks) / 10;

    internal static DateTime FromMicros(long micros, DateTimeKind kind = DateTimeKind.Unspecified) =>
        new(EpochTicks + micros * 10, kind);
}
