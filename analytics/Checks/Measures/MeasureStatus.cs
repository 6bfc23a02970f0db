using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Checks.Measures;

/// <summary>The values of the <c>status</c> columns.</summary>
internal static class MeasureStatus
{
    public const string Available = "available";
    public const string NotApplicable = "not_applicable";
    public const string NotAvailable = "not_available";

    public static string Of(EstimateStatus status) => status switch
    {
        EstimateStatus.Available => Available,
        EstimateStatus.NotApplicable => NotApplicable,
        _ => NotAvailable,
    };
}
