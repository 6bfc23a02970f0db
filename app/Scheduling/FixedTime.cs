namespace Warehouse.App.Scheduling;

/// <summary>
/// A clock stopped at one instant. Quartz computes a trigger's fire times from its clock's "now",
/// so fire times from a chosen instant (the next ones after now, the ones missed since the last
/// run) are computed on a trigger given this clock.
/// </summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
