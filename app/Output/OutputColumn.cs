namespace Warehouse.App.Output;

/// <summary>A column of printed rows: its name and DuckDB type name (e.g. <c>DATE</c>, <c>BIGINT</c>).</summary>
internal readonly record struct OutputColumn(string Name, string TypeName);
