namespace Warehouse.Synthetic.Generation;

/// <summary>Why a consultation's response was drawn as it was (the answer key's <c>planted</c> column).</summary>
internal enum PlantedKind
{
    None = 0,
    OverResponseLocality,
    UnderResponseAgency,
    SeriousUnderResponse,
}
