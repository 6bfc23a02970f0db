namespace Warehouse.Etl.Governance;

/// <summary>How long the warehouse keeps what it holds (docs/data-protection.md, "Retention").</summary>
public sealed record RetentionOptions
{
    /// <summary>
    /// Years a child's records are kept after the child's latest record (consultation, decision,
    /// Annex A event or end date). Default 6: the partnership replaces it with its own schedule.
    /// </summary>
    public int RetentionYears { get; init; } = 6;

    /// <summary>Days a loaded file is kept in the inbox's processed/ folders (default 30, as the loader's setting).</summary>
    public int ProcessedRetentionDays { get; init; } = 30;
}
