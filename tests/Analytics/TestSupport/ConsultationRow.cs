namespace Warehouse.Analytics.Tests.TestSupport;

/// <summary>
/// A consultation as the warehouse holds it after loading and derivation, with defaults for every
/// column a test does not care about.
/// </summary>
internal sealed record ConsultationRow
{
    public required string Id { get; init; }

    public required DateOnly Date { get; init; }

    public string? ChildKey { get; init; }

    public string Locality { get; init; } = "L01";

    public string Agency { get; init; } = "A01";

    /// <summary>The recorded recommended level; null: none recorded (the outcome's level, implied).</summary>
    public int? Recommended { get; init; } = 2;

    /// <summary>The outcome; default: the outcome whose level is the recommended level.</summary>
    public string? Outcome { get; init; }

    /// <summary>A recorded actual level (source 'recorded').</summary>
    public int? ActualRecorded { get; init; }

    /// <summary>The derived actual level when not recorded.</summary>
    public int? Actual { get; init; }

    /// <summary>The derivation's source when not recorded: annex_a, implied, pending, or null (not derived).</summary>
    public string? ActualSource { get; init; }

    /// <summary>The window end the derivation stored; default consultation date + 30 when derived.</summary>
    public DateOnly? WindowEnd { get; init; }

    public int? CallerLevel { get; init; }

    public int? Indicated { get; init; }

    public int? Likelihood { get; init; }

    public int? Seriousness { get; init; }

    /// <summary>given, refused, not_sought, not_required, or null (not recorded).</summary>
    public string? Consent { get; init; } = "given";

    /// <summary>The decision date; default the consultation date.</summary>
    public DateOnly? Decision { get; init; }

    public bool NoDecision { get; init; }

    public string? AgeBand { get; init; } = "5-9";

    public string? Sex { get; init; } = "F";

    public string? EthnicityGroup { get; init; } = "White";

    public bool? Disability { get; init; } = false;

    public string? Team { get; init; } = "Team A";

    public IReadOnlyList<string> Indicators { get; init; } = [];
}
