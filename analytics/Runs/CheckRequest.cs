using System.Globalization;

namespace Warehouse.Analytics.Runs;

/// <summary>What to check: one partnership, one pack month.</summary>
public sealed record CheckRequest
{
    /// <summary>The partnership code, e.g. <c>warwickshire</c>.</summary>
    public required string Partnership { get; init; }

    /// <summary>The pack month M as <c>yyyy-MM</c>, e.g. <c>2026-10</c>.</summary>
    public required string Month { get; init; }

    /// <summary>
    /// The data cut-off: consultations after it are not seen, and a consultation without a
    /// recorded actual level whose window is still open at it is pending. When null, the latest
    /// date the loaded sources cover (the latest consultation date or Annex A coverage end).
    /// </summary>
    public DateOnly? CutOff { get; init; }

    /// <summary>The run's settings.</summary>
    public CheckOptions Options { get; init; } = CheckOptions.Default;

    /// <summary>The first day of <see cref="Month"/>.</summary>
    internal DateOnly MonthStart
    {
        get
        {
            if (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                throw new ArgumentException($"The month '{Month}' is not a month written yyyy-MM.", nameof(Month));
            }

            return start;
        }
    }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Partnership, nameof(Partnership));
        ArgumentNullException.ThrowIfNull(Options, nameof(Options));
        _ = MonthStart;
        Options.Validate();
    }
}
