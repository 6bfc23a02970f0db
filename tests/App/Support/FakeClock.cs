namespace Warehouse.App.Tests.Support;

/// <summary>
/// A clock the test moves by hand. Timers created through it (Task.Delay with this provider,
/// Quartz's scheduler thread when given this provider) fire only when the test advances time,
/// so no test waits on the wall clock.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<FakeTimer> timers = [];
    private DateTimeOffset now;
    private TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeClock(DateTimeOffset start) => now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (gate) return now.UtcTicks;
    }

    /// <summary>The due times of the timers still waiting, relative to now.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (gate) return timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - now).ToList();
        }
    }

    /// <summary>Completes when a timer is next created (a delay started, a scheduler went to sleep).</summary>
    public Task NextTimerCreated
    {
        get
        {
            lock (gate) return timerCreated.Task;
        }
    }

    /// <summary>Completes once a timer is waiting with exactly <paramref name="delay"/> left.</summary>
    public async Task WaitForDelayAsync(TimeSpan delay)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var created = NextTimerCreated;
            if (PendingDelays.Contains(delay)) return;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No timer of {delay} was started.");
            await created.WaitAsync(left);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        TaskCompletionSource created;
        lock (gate)
        {
            timers.Add(timer);
            timer.Schedule(now, dueTime, period);
            if (dueTime == TimeSpan.Zero) timer.Reschedule(now);
            created = timerCreated;
            timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        created.TrySetResult();
        if (dueTime == TimeSpan.Zero) Fire([timer]);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate) target = now + by;
        while (true)
        {
            FakeTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due is not null && t.Due <= target).OrderBy(t => t.Due).FirstOrDefault();
                if (next is null)
                {
                    now = target;
                    return;
                }
                if (next.Due > now) now = next.Due!.Value;
                next.Reschedule(now);
            }
            Fire([next]);
        }
    }

    /// <summary>Sets the clock to a later instant.</summary>
    public void AdvanceTo(DateTimeOffset instant) => Advance(instant - GetUtcNow());

    private static void Fire(IEnumerable<FakeTimer> due)
    {
        foreach (var timer in due) timer.Invoke();
    }

    private void Remove(FakeTimer timer)
    {
        lock (gate) timers.Remove(timer);
    }

    private void Change(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timer.Schedule(now, dueTime, period);
            if (dueTime == TimeSpan.Zero) timer.Reschedule(now);
        }
        if (dueTime == TimeSpan.Zero) Fire([timer]);
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? Due { get; private set; }

        public void Schedule(DateTimeOffset now, TimeSpan dueTime, TimeSpan newPeriod)
        {
            period = newPeriod;
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        public void Reschedule(DateTimeOffset now) =>
            Due = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : now + period;

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan newPeriod)
        {
            clock.Change(this, dueTime, newPeriod);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
