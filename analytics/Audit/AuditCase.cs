namespace Warehouse.Analytics.Audit;

/// <summary>One sampled consultation and who audits it.</summary>
/// <param name="CaseNumber">1 to n, in a random order (never the stratum order, so that a blind audit stays blind).</param>
/// <param name="ConsultationId">The consultation.</param>
/// <param name="Stratum">Its stratum.</param>
/// <param name="InclusionProbability">π_k = n_h / N_h; its design weight is 1 / π_k.</param>
/// <param name="AuditorRef">The auditor the case is given to.</param>
/// <param name="ModeratorRef">The second auditor of a moderated case, or null.</param>
public sealed record AuditCase(int CaseNumber, string ConsultationId, string Stratum, double InclusionProbability, string AuditorRef, string? ModeratorRef)
{
    /// <summary>The case is given to two auditors.</summary>
    public bool IsModerated => ModeratorRef is not null;
}
