using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Levels;

/// <summary>
/// CONTRACT.md section 3, step 2, for one consultation whose window Annex A covers: the actual level its outcome, the
/// events in its window and the child's open-case floor give. The generator chooses events with this so that the
/// loader's derivation yields the level it intended.
/// </summary>
internal static class ActualLevelRules
{
    private static readonly (EventMask Mask, AnnexAEvent Event)[] Confirming =
    [
        (EventMask.EarlyHelp, AnnexAEvent.EarlyHelpAssessment),
        (EventMask.Referral, AnnexAEvent.ReferralNotNfa),
        (EventMask.Assessment, AnnexAEvent.Assessment),
        (EventMask.Section47, AnnexAEvent.Section47),
    ];

    /// <summary>
    /// The level: a section 47 start → the top level; an event confirming the outcome → the outcome's level; an
    /// outcome not visible in Annex A → its level, raised to the highest level the events confirm; a visible outcome
    /// with no confirming event → the highest level the events confirm, level 1 when none; and never below the
    /// floor of a child already open.
    /// </summary>
    /// <param name="framework">The version in force on the consultation date.</param>
    /// <param name="outcome">The consultation's outcome.</param>
    /// <param name="events">The events in the window (a referral marked NFA confirms nothing).</param>
    /// <param name="floor">The open-case floor (1 when the child is not open).</param>
    public static int Derive(Framework framework, Outcome outcome, EventMask events, int floor)
    {
        int level;
        if ((events & EventMask.Section47) != 0)
        {
            level = framework.TopLevel.Number;
        }
        else if (Confirms(events, outcome))
        {
            level = outcome.Level.Number;
        }
        else
        {
            var confirmed = EventsLevel(framework, events);
            level = outcome.VisibleInAnnexA ? confirmed : Math.Max(outcome.Level.Number, confirmed);
        }

        return Math.Max(level, floor);
    }

    /// <summary>The highest level among the outcomes the events confirm; 1 when they confirm none.</summary>
    public static int EventsLevel(Framework framework, EventMask events)
    {
        var level = 1;
        foreach (var (mask, annexAEvent) in Confirming)
        {
            if ((events & mask) == 0)
            {
                continue;
            }

            foreach (var outcome in framework.Outcomes)
            {
                if (outcome.IsConfirmedBy(annexAEvent))
                {
                    level = Math.Max(level, outcome.Level.Number);
                }
            }
        }

        return level;
    }

    private static bool Confirms(EventMask events, Outcome outcome)
    {
        foreach (var (mask, annexAEvent) in Confirming)
        {
            if ((events & mask) != 0 && outcome.IsConfirmedBy(annexAEvent))
            {
                return true;
            }
        }

        return false;
    }
}
