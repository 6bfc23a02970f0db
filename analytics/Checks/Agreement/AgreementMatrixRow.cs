namespace Warehouse.Analytics.Checks.Agreement;

/// <summary>One cell of a 4×4 agreement matrix (<c>analytics.agreement_matrix</c>); every matrix has all 16 cells.</summary>
public sealed record AgreementMatrixRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The comparison, reference → compared, e.g. <c>recommended_to_actual</c>.</summary>
    public required string Comparison { get; init; }

    /// <summary>The first day of the month the matrix covers.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>What the matrix is broken down by.</summary>
    public required string Grouping { get; init; }

    /// <summary>The group.</summary>
    public required string GroupValue { get; init; }

    /// <summary>The reference view's level, 1 to 4 (the row).</summary>
    public required int ReferenceLevel { get; init; }

    /// <summary>The compared view's level, 1 to 4 (the column).</summary>
    public required int ComparedLevel { get; init; }

    /// <summary>Consultations with these two levels.</summary>
    public required long Count { get; init; }
}
