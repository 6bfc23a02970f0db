using System.Globalization;

namespace Warehouse.Analytics.Tests;

/// <summary>Asserts agreement with published figures to a stated number of decimal places.</summary>
internal static class Approx
{
    /// <summary>|expected − actual| ≤ half a unit in the last published decimal place.</summary>
    public static void Equal(double expected, double? actual, int decimals)
    {
        Assert.NotNull(actual);
        double tolerance = 0.5 * Math.Pow(10, -decimals);
        Assert.True(
            Math.Abs(expected - actual.Value) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"Expected {expected} to {decimals} dp, got {actual.Value:R} (difference {Math.Abs(expected - actual.Value):E2})."));
    }

    /// <summary>|expected − actual| ≤ tolerance.</summary>
    public static void Within(double expected, double? actual, double tolerance)
    {
        Assert.NotNull(actual);
        Assert.True(
            Math.Abs(expected - actual.Value) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"Expected {expected:R} ± {tolerance:E1}, got {actual.Value:R}."));
    }
}
