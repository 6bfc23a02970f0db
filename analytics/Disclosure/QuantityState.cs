namespace Warehouse.Analytics.Disclosure;

/// <summary>What a reader can know about one quantity of the pack.</summary>
internal enum QuantityState
{
    /// <summary>Shown, or may be shown: treated as known to the reader.</summary>
    Published,

    /// <summary>No value (<c>[x]</c>/<c>[z]</c>): unknown to everyone, needs no protection.</summary>
    Unavailable,

    /// <summary>A count from 1 to the threshold.</summary>
    Primary,

    /// <summary>Hidden to protect a primary or another secondary suppression.</summary>
    Secondary,
}
