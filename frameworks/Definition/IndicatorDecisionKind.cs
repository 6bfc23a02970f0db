namespace Warehouse.Frameworks;

/// <summary>What kind of correction of the document's text extraction an indicator records.</summary>
public enum IndicatorDecisionKind
{
    /// <summary>No decision recorded.</summary>
    None = 0,

    /// <summary>Two items the extraction ran together were split; the indicator is one of the parts.</summary>
    Split,

    /// <summary>The domain was assigned by meaning rather than by the label the extraction prints beside the item.</summary>
    DomainByMeaning,
}
