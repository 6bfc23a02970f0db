namespace Warehouse.App.Scheduling;

/// <summary>
/// How often a job retries a transient failure, and how long it waits: <see cref="Backoff"/>
/// before the first retry, doubling each time, never more than <see cref="MaxDelay"/>.
/// </summary>
internal readonly record struct RetryRule(int Retries, TimeSpan Backoff)
{
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromHours(6);

    internal static RetryRule None => new(0, TimeSpan.Zero);

    /// <summary>The wait before retry <paramref name="retry"/> (1 = the first retry).</summary>
    internal TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ticks = Backoff.Ticks * Math.Pow(2, retry - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
