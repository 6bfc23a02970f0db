namespace Warehouse.Synthetic.Population;

/// <summary>What stays the same about a child across every record: derived from the child's number, never stored.</summary>
/// <param name="Sex"><c>M</c>, <c>F</c> or <c>U</c>.</param>
/// <param name="Ethnicity">Index into <see cref="Ethnicities.Codes"/>, or -1 when not recorded.</param>
/// <param name="Disability">1 yes, 2 no, 0 not recorded.</param>
/// <param name="Locality">Index of the locality the child lives in.</param>
internal readonly record struct ChildTraits(char Sex, int Ethnicity, byte Disability, int Locality);
