namespace Warehouse.Analytics.Checks.Exceptions;

/// <summary>
/// One case-level exception (<c>analytics.exceptions</c>). RESTRICTED: for quality-assurance
/// workbooks only, never for executive packs.
/// </summary>
public sealed record ExceptionRow
{
    /// <summary>The run that produced the row.</summary>
    public required string RunId { get; init; }

    /// <summary>The first day of the month the rule looked at.</summary>
    public required DateOnly Period { get; init; }

    /// <summary>The rule that fired (see <c>analytics/README.md</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>The consultation.</summary>
    public required string ConsultationId { get; init; }

    /// <summary>The child's keyed pseudonym (never the raw identifier).</summary>
    public required string ChildKey { get; init; }

    /// <summary>The consultation date.</summary>
    public required DateOnly ConsultationDate { get; init; }

    /// <summary>The consultation's locality code.</summary>
    public required string Locality { get; init; }

    /// <summary>The caller's agency code.</summary>
    public required string CallerAgency { get; init; }

    /// <summary>A JSON object with the values that made the rule fire.</summary>
    public required string Fields { get; init; }
}
