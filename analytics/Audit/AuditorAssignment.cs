namespace Warehouse.Analytics.Audit;

/// <summary>
/// Shares a sample's cases out among the auditors, picks the moderation subsample and numbers the
/// cases (docs/audit.md, "Auditors and moderation").
/// </summary>
/// <remarks>
/// <para>Cases in stratum order, randomly ordered within each stratum, go to the auditors in turn:
/// every auditor's share differs from another's by at most one case overall and in each stratum,
/// so no auditor audits only one kind of decision.</para>
/// <para>The moderation subsample is a simple random subsample of the cases (the smallest moderation
/// keys): round(share × n), at least one when the share is above 0. Its j-th case goes to the
/// auditor (a + 1 + j mod (A − 1)) mod A as well as to its own auditor a, so the second auditor
/// always differs and the pairs rotate.</para>
/// <para>Case numbers follow a third random key, so a workbook's order says nothing about strata.</para>
/// </remarks>
internal static class AuditorAssignment
{
    public static IReadOnlyList<AuditCase> Assign(IReadOnlyList<SelectedCase> selected, IReadOnlyList<string> auditors, double moderationShare, IReadOnlyDictionary<string, double> inclusion)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(auditors);
        ArgumentNullException.ThrowIfNull(inclusion);
        int count = auditors.Count;
        var auditorOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int turn = 0;
        foreach (var c in selected.OrderBy(c => c.Stratum, StringComparer.Ordinal).ThenBy(c => c.AssignKey, StringComparer.Ordinal))
        {
            auditorOf[c.ConsultationId] = turn++ % count;
        }

        int moderated = ModeratedCount(selected.Count, moderationShare);
        var moderatorOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int j = 0;
        foreach (var c in selected.OrderBy(c => c.ModerationKey, StringComparer.Ordinal).ThenBy(c => c.ConsultationId, StringComparer.Ordinal).Take(moderated))
        {
            moderatorOf[c.ConsultationId] = (auditorOf[c.ConsultationId] + 1 + (j++ % (count - 1))) % count;
        }

        return selected
            .OrderBy(c => c.OrderKey, StringComparer.Ordinal)
            .ThenBy(c => c.ConsultationId, StringComparer.Ordinal)
            .Select((c, i) => new AuditCase(
                i + 1,
                c.ConsultationId,
                c.Stratum,
                inclusion[c.Stratum],
                auditors[auditorOf[c.ConsultationId]],
                moderatorOf.TryGetValue(c.ConsultationId, out var m) ? auditors[m] : null))
            .ToList();
    }

    /// <summary>round(share × n), half away from zero; at least one when the share is above 0 and there are cases.</summary>
    public static int ModeratedCount(int cases, double share)
    {
        if (cases == 0 || share <= 0)
        {
            return 0;
        }

        return (int)Math.Clamp(Math.Round(share * cases, MidpointRounding.AwayFromZero), 1, cases);
    }
}
