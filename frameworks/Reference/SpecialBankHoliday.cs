namespace Warehouse.Frameworks;

/// <summary>A one-off bank holiday: an extra day, or a standing one moved (then <paramref name="Replaces"/> is the day it moved from).</summary>
internal sealed record SpecialBankHoliday(DateOnly Date, string Name, DateOnly? Replaces);
