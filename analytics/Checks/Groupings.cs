namespace Warehouse.Analytics.Checks;

/// <summary>The names of the groupings results are broken down by (the <c>grouping</c> column).</summary>
internal static class Groupings
{
    public const string Partnership = "partnership";
    public const string Locality = "locality";
    public const string Area = "area";
    public const string CallerAgency = "caller_agency";
    public const string AgencySector = "agency_sector";
    public const string Team = "team";
    public const string Month = "month";
    public const string AgeBand = "age_band";
    public const string Sex = "sex";
    public const string EthnicityGroup = "ethnicity_group";
    public const string Disability = "disability";
}
