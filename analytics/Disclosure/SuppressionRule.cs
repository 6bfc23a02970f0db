namespace Warehouse.Analytics.Disclosure;

/// <summary>Why a figure is not shown as a value.</summary>
internal enum SuppressionRule
{
    /// <summary>A count from 1 to the threshold.</summary>
    SmallCount,

    /// <summary>Secondary suppression: publishing it would let a reader work out a <c>[c]</c> value.</summary>
    Complementary,

    /// <summary>A rate whose numerator is suppressed.</summary>
    RateNumerator,

    /// <summary>A rate whose denominator is suppressed.</summary>
    RateDenominator,

    /// <summary>A rate whose denominator − numerator is suppressed (96% of 25 reveals one disagreement).</summary>
    RateDifference,

    /// <summary>A statistic that would give away a suppressed quantity.</summary>
    RevealsSuppressed,

    /// <summary>Fewer cases than the configured minimum.</summary>
    LowReliability,

    /// <summary>Not applicable.</summary>
    NotApplicable,

    /// <summary>Not available.</summary>
    NotAvailable,

    /// <summary>Rounds to zero but is not zero.</summary>
    RoundsToZero,
}
