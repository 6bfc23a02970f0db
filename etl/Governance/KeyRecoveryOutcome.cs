namespace Warehouse.Etl.Governance;

/// <summary>What <see cref="KeyRotation.Recover"/> found and did.</summary>
public enum KeyRecoveryOutcome
{
    /// <summary>No rotation was interrupted.</summary>
    NothingToRecover,

    /// <summary>The rotation had committed: its key file (<c>.next</c>) replaced the old one.</summary>
    Completed,

    /// <summary>The rotation had not committed: its <c>.next</c> file was deleted; the warehouse and key file are as before it.</summary>
    RolledBack,
}
