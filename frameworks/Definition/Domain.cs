namespace Warehouse.Frameworks;

/// <summary>
/// An area of a child's life under which the document groups its indicators. Worcestershire's domains are
/// nested one deep: three areas (e.g. parenting capacity), each with sub-domains that hold the indicators.
/// </summary>
/// <param name="Code">Stable code, unique within the framework version.</param>
/// <param name="Name">The name as the document prints it.</param>
/// <param name="Parent">The area this sub-domain belongs to, or null for a top-level domain.</param>
public sealed record Domain(string Code, string Name, Domain? Parent);
