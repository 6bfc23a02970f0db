namespace Warehouse.Analytics.Runs;

/// <summary>
/// The settings of a check run. They are recorded with the run (<c>analytics.check_runs</c>) and
/// every pack's notes sheet states them.
/// </summary>
public sealed record CheckOptions
{
    /// <summary>The defaults: a 30-day window, 20 cases minimum, high scores from 8, decisions within 1 working day.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>
    /// Days after a consultation in which its Annex A events count (actual level, conversion). Also
    /// decides when a consultation without a recorded actual level stops being pending, where the
    /// derivation has not stored its own window end. Default 30.
    /// </summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>
    /// A statistic on fewer cases than this is of low reliability (<c>[u]</c> when published);
    /// recorded with every agreement result. Default 20.
    /// </summary>
    public int MinimumCases { get; init; } = 20;

    /// <summary>Pathway to Change likelihood and seriousness both at least this are "high". Default 8.</summary>
    public int HighScore { get; init; } = 8;

    /// <summary>A decision later than this many working days after the consultation is an exception. Default 1.</summary>
    public int DecisionWorkingDays { get; init; } = 1;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(WindowDays, nameof(WindowDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumCases, 1, nameof(MinimumCases));
        ArgumentOutOfRangeException.ThrowIfNegative(HighScore, nameof(HighScore));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HighScore, 10, nameof(HighScore));
        ArgumentOutOfRangeException.ThrowIfNegative(DecisionWorkingDays, nameof(DecisionWorkingDays));
    }
}
