using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Consultations;

/// <summary>One consultation as drawn, before the file's style turns it into text. Reused from row to row.</summary>
internal sealed class ConsultationRow
{
    public string Id { get; set; } = string.Empty;

    public string ChildId { get; set; } = string.Empty;

    public DateOnly? BirthDate { get; set; }

    /// <summary><c>M</c>, <c>F</c>, <c>U</c>, or NUL when not recorded.</summary>
    public char Sex { get; set; }

    /// <summary>Index into the CIN ethnicity codes, or -1 when not recorded.</summary>
    public int Ethnicity { get; set; } = -1;

    /// <summary>1 yes, 2 no, 0 not recorded.</summary>
    public byte Disability { get; set; }

    public DateOnly Date { get; set; }

    public int Minute { get; set; }

    public DateOnly? DecisionDate { get; set; }

    public int DecisionMinute { get; set; }

    public string Locality { get; set; } = string.Empty;

    public Agency Agency { get; set; } = null!;

    public string? Consent { get; set; }

    /// <summary>Level numbers 1–4, 0 when blank.</summary>
    public int CallerLevel { get; set; }

    public int RecommendedLevel { get; set; }

    public int ActualLevel { get; set; }

    public string? Indicators { get; set; }

    /// <summary>0–10, or -1 when not recorded.</summary>
    public int Likelihood { get; set; } = -1;

    public int Seriousness { get; set; } = -1;

    public Outcome Outcome { get; set; } = null!;

    public string? Team { get; set; }

    public Framework Framework { get; set; } = null!;
}
