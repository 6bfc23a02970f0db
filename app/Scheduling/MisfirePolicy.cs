namespace Warehouse.App.Scheduling;

/// <summary>What a job does about a fire time it missed (the service was down, or busy past the threshold).</summary>
internal enum MisfirePolicy
{
    /// <summary><c>fire-once-now</c>: run once as soon as possible, however many fire times were missed.</summary>
    FireOnceNow,

    /// <summary><c>skip</c>: wait for the next fire time; a missed one is recorded as skipped.</summary>
    Skip,
}
