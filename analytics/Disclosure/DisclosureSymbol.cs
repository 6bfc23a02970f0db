namespace Warehouse.Analytics.Disclosure;

/// <summary>GSS symbols shown instead of a value.</summary>
internal enum DisclosureSymbol
{
    /// <summary><c>[c]</c> confidential.</summary>
    Confidential,

    /// <summary><c>[u]</c> low reliability.</summary>
    LowReliability,

    /// <summary><c>[z]</c> not applicable.</summary>
    NotApplicable,

    /// <summary><c>[x]</c> not available.</summary>
    NotAvailable,

    /// <summary><c>[low]</c> rounds to zero but is not zero.</summary>
    RoundsToZero,
}
