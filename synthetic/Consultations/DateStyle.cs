namespace Warehouse.Synthetic.Consultations;

/// <summary>How a consultations file writes its dates (the contract accepts all three).</summary>
internal enum DateStyle
{
    /// <summary><c>2026-10-03</c>.</summary>
    Iso,

    /// <summary><c>03/10/2026</c> (UK order, never US).</summary>
    British,

    /// <summary>Consultation and decision as <c>2026-10-03T14:05</c>; date of birth as an ISO date.</summary>
    IsoDateTime,
}
