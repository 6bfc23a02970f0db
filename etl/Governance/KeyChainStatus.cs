namespace Warehouse.Etl.Governance;

/// <summary>Whether the key file fits the warehouse, checked before a load or any keyed action.</summary>
/// <param name="Usable">True when loads may run: no rotation is pending and the chain matches what the warehouse recorded.</param>
/// <param name="RotationPending">A <c>&lt;key file&gt;.next</c> is left from an interrupted rotation; run <see cref="KeyRotation.Recover"/>.</param>
/// <param name="FileGenerations">Keys in the chain loads would use.</param>
/// <param name="WarehouseGenerations">Keys the warehouse recorded (0 before its first rotation: nothing to compare).</param>
/// <param name="Message">What the state means and what to do, for a person.</param>
public sealed record KeyChainStatus(bool Usable, bool RotationPending, int FileGenerations, int WarehouseGenerations, string Message);
