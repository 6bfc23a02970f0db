namespace Warehouse.Frameworks;

/// <summary>A calling agency (CONTRACT.md section 5), from <c>common/agencies.csv</c>.</summary>
/// <param name="Code">The agency code, e.g. <c>SCHOOL_NURSE</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sector">Its sector.</param>
/// <param name="CinSourceCode">Its children-in-need census referral source code, e.g. <c>3C</c>.</param>
public sealed record Agency(string Code, string Name, AgencySector Sector, string CinSourceCode);
