namespace Warehouse.Frameworks;

/// <summary>A locality of a partnership (CONTRACT.md section 5), from the partnership's <c>localities.csv</c>.</summary>
/// <param name="Code">The locality code, e.g. <c>NUN</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Area">The area it belongs to (e.g. North); a Worcestershire district is its own area.</param>
/// <param name="Population0To17">Children aged 0–17: approximate in the shipped files, to be replaced with ONS mid-year estimates.</param>
public sealed record Locality(string Code, string Name, string Area, int Population0To17);
