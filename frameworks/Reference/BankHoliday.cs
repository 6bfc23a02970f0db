namespace Warehouse.Frameworks;

/// <summary>A bank holiday in England and Wales.</summary>
/// <param name="Date">The day off (the substitute day when the holiday falls at a weekend).</param>
/// <param name="Name">Its name.</param>
public sealed record BankHoliday(DateOnly Date, string Name);
