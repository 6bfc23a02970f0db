namespace Warehouse.App.Settings;

/// <summary>A setting's value as written, and where it was written (a file or a variable).</summary>
internal readonly record struct RawSetting(string Value, string Source);
