using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Generation;

/// <summary>The options resolved once for the whole run.</summary>
internal sealed record RunSettings(
    GeneratorOptions Options,
    DateOnly RangeStart,
    DateOnly RangeEnd,
    DateOnly Today,
    DateOnly Cutoff,
    FrameworkCatalog Catalog,
    ReferenceDataSet Reference,
    string SpillRoot);
