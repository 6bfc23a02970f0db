using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Tests.TestSupport;

/// <summary>
/// CONTRACT.md section 3 written again from the contract's text, over the files as read back: the generator's
/// claim that its events derive to the intended level is checked against this, not against its own rules.
/// </summary>
public static class ReferenceDerivation
{
    public const int WindowDays = 30;

    /// <summary>The actual level and its source, or null while the window is open at the cut-off (pending).</summary>
    public static (int Level, string Source)? Derive(SourceData.Consultation c, SourceData data, Framework framework, DateOnly cutoff)
    {
        if (c.Actual is { } recorded)
        {
            return (recorded, "recorded");
        }

        var windowEnd = c.Date.AddDays(WindowDays);
        if (windowEnd > cutoff)
        {
            return null;
        }

        var outcome = framework.Outcomes.Single(o => o.Code == c.Outcome);
        if (data.CoverageStart > c.Date || data.CoverageEnd < windowEnd)
        {
            return (outcome.Level.Number, "implied");
        }

        var events = new List<AnnexAEvent>();
        foreach (var e in data.EventsOf(c.ChildId))
        {
            if (e.List is < 2 or > 5 || e.Date < c.Date || e.Date > windowEnd)
            {
                continue;
            }

            events.Add(e.List switch
            {
                2 => AnnexAEvent.EarlyHelpAssessment,
                3 => e.Nfa == true ? AnnexAEvent.None : AnnexAEvent.ReferralNotNfa,
                4 => AnnexAEvent.Assessment,
                _ => AnnexAEvent.Section47,
            });
        }

        // What the window's events confirm: the levels of the outcomes each event confirms.
        var confirmedLevels = events
            .SelectMany(e => framework.Outcomes.Where(o => o.ConfirmedBy.Contains(e)))
            .Select(o => o.Level.Number)
            .ToList();
        int level;
        if (events.Contains(AnnexAEvent.Section47))
        {
            level = framework.TopLevel.Number;
        }
        else if (events.Any(e => outcome.ConfirmedBy.Contains(e)))
        {
            level = outcome.Level.Number;
        }
        else if (!outcome.VisibleInAnnexA)
        {
            level = Math.Max(outcome.Level.Number, confirmedLevels.DefaultIfEmpty(1).Max());
        }
        else
        {
            level = confirmedLevels.DefaultIfEmpty(1).Max();
        }

        foreach (var episode in data.EpisodesOf(c.ChildId))
        {
            if (episode.Start < c.Date && (episode.End is null || episode.End >= c.Date))
            {
                var floor = framework.OpenCaseFloorFor(episode.List == 6 ? OpenCaseList.ChildInNeed : OpenCaseList.ChildProtectionPlan);
                level = Math.Max(level, floor?.Number ?? 1);
            }
        }

        return (level, "annex_a");
    }
}
