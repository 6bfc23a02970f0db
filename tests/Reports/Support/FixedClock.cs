namespace Warehouse.Reports.Tests.Support;

/// <summary>A clock that always says the same time, so outputs are reproducible.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 6, 7, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
