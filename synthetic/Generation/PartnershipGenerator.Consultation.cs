using System.Globalization;
using Warehouse.Frameworks;
using Warehouse.Synthetic.AnnexA;
using Warehouse.Synthetic.Calendar;
using Warehouse.Synthetic.Consultations;
using Warehouse.Synthetic.Levels;
using Warehouse.Synthetic.Population;

namespace Warehouse.Synthetic.Generation;

internal sealed partial class PartnershipGenerator
{
    /// <summary>
    /// Draws one consultation, writes it, and spills the Annex A rows it leads to. The draws come from the
    /// partnership's stream in a fixed order that no presentation option changes.
    /// </summary>
    private void Consultation(int day, int sequence, bool forceContact, ConsultationFileWriter writer, AnswerKeyWriter? key, EventSpill spill)
    {
        var date = DateOnly.FromDayNumber(day);
        var tables = TablesFor(date);
        var framework = tables.Framework;

        // The child: someone seen before, or new.
        var child = -1;
        if (rng.Chance(Draws.RepeatShare))
        {
            child = pool.Draw(rng, children, day);
        }

        if (child >= 0)
        {
            repeats++;
            children.SetLastConsultationDay(child, day);
        }
        else
        {
            child = NewChild(day);
        }

        pool.Add(child);
        var traits = childAttributes.Traits(child);
        var birthDay = children.BirthDay(child);

        // The call, the front door's view and its outcome: none of it depends on locality or agency.
        var dayType = plan.Types[day - plan.FirstDay];
        var agency = mix.Draw(dayType, rng);
        var recommended = Draws.RecommendedLevel.Sample(rng) + 1;
        var outcomeIndex = tables.DrawOutcome(recommended, rng);
        var outcome = framework.Outcomes[outcomeIndex];
        var recommendedRecorded = !rng.Chance(Draws.RecommendedBlankShare);
        if (!recommendedRecorded)
        {
            recommendedBlank++;
        }

        row.Indicators = DrawIndicators(tables, recommended);
        DrawScores(recommended);
        row.CallerLevel = rng.Chance(0.15) ? 0 : Math.Clamp(recommended + Draws.CallerShifts[Draws.CallerShift.Sample(rng)], 1, 4);
        row.Consent = outcome.RequiresConsent
            ? Draws.ConsentValues[Draws.ConsentNeeded.Sample(rng)]
            : Draws.ProtectionConsentValues[Draws.ConsentProtection.Sample(rng)];
        row.Minute = dayType == DayType.Weekend ? rng.Between(0, 1439) : rng.Between(8 * 60, (18 * 60) + 30);
        DrawDecision(date);
        row.Team = rng.Chance(0.05) ? null : teams[traits.Locality];
        row.BirthDate = rng.Chance(0.04) ? null : DateOnly.FromDayNumber(birthDay);
        row.Sex = rng.Chance(0.02) ? '\0' : traits.Sex;

        // The response: an intended actual level from the (common or planted) matrix, and the Annex A events that
        // show it, or the nearest level they can.
        var recorded = rng.Chance(options.RecordedActualShare);
        var (inNeed, onPlan) = episodes.OpenOn(child, day);
        var floor = Math.Max(inNeed ? tables.ChildInNeedFloor : 1, onPlan ? tables.ChildProtectionFloor : 1);
        if (inNeed || onPlan)
        {
            alreadyOpen++;
        }

        var response = tables.PlanFor(outcomeIndex, floor);
        var matrix = plant.MatrixFor(traits.Locality, agency, out var planted);
        var intended = matrix.Sample(recommended, rng);
        if (recommended == framework.TopLevel.Number
            && recommendedRecorded
            && plant.SeriousShare > 0
            && response.CanShow(1)
            && (recorded || day + Draws.WindowDays <= plan.LastActiveDay)
            && rng.Chance(plant.SeriousShare))
        {
            planted = PlantedKind.SeriousUnderResponse;
            intended = recorded && rng.Chance(0.5) ? 2 : 1;
        }

        var shown = response.Nearest(recommended, intended);
        var events = response.Pathway(shown, rng);
        var derived = ActualLevelRules.Derive(framework, outcome, events, floor);
        var actual = recorded ? intended : derived;
        EmitEvents(spill, child, birthDay, day, agency, events, shown, forceContact);

        row.Id = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}{date:yyyyMM}-{sequence:D7}");
        row.ChildId = childAttributes.Id(child);
        row.Ethnicity = traits.Ethnicity;
        row.Disability = traits.Disability;
        row.Date = date;
        row.Locality = localities[traits.Locality].Code;
        row.Agency = agencies[agency];
        row.RecommendedLevel = recommendedRecorded ? recommended : 0;
        row.Outcome = outcome;
        row.ActualLevel = recorded ? intended : 0;
        row.Framework = framework;
        writer.Write(row);

        stats.Add(day, recommendedRecorded ? recommended : 0, actual, recorded, traits.Locality, agency);
        if (planted == PlantedKind.SeriousUnderResponse)
        {
            seriousUnderResponses.Add(row.Id);
        }

        key?.Write(row.Id, row.ChildId, date, row.RecommendedLevel, outcome.Code, actual, recorded, floor, planted);
    }

    private int NewChild(int day)
    {
        var band = Draws.AgeBand.Sample(rng);
        var (from, to) = Draws.AgeBandDays[band];
        var offset = rng.Between(from, to);
        var birth = band == 0 ? day + offset : day - offset;
        var child = children.Add(birth, day);

        // A few children are already open to children's social care when the front door first hears of them.
        if (rng.Chance(0.025))
        {
            var start = Math.Min(day - 1, Math.Max(day - rng.Between(14, 900), birth - 60));
            episodes.TryAdd(new Episode(child, birth, EpisodeKind.ChildInNeed, start, day + rng.Between(15, 400), (byte)rng.NextInt(256)));
        }

        if (rng.Chance(0.006))
        {
            var start = Math.Min(day - 1, Math.Max(day - rng.Between(14, 360), birth - 60));
            episodes.TryAdd(new Episode(child, birth, EpisodeKind.ChildProtection, start, day + rng.Between(15, 300), (byte)rng.NextInt(256)));
        }

        return child;
    }

    // 0–6 indicator codes of the version in force, mostly at the recommended level, some a level either side. An
    // indicator that means the top level on its own appears only with a top-level recommendation (and outcome).
    private string? DrawIndicators(FrameworkTables tables, int recommended)
    {
        var count = Draws.IndicatorCount.Sample(rng);
        if (count == 0)
        {
            return null;
        }

        chosenIndicators.Clear();
        for (var k = 0; k < count; k++)
        {
            Indicator pick;
            if (k == 0 && recommended == 4 && tables.TopOnItsOwn.Length > 0 && rng.Chance(0.5))
            {
                pick = tables.TopOnItsOwn[rng.NextInt(tables.TopOnItsOwn.Length)];
            }
            else
            {
                var u = rng.NextDouble();
                var level = Math.Clamp(u < 0.6 ? recommended : u < 0.85 ? recommended - 1 : recommended + 1, 1, 4);
                var candidates = tables.OrdinaryIndicators[level];
                if (candidates.Length == 0)
                {
                    candidates = tables.OrdinaryIndicators[recommended];
                }

                if (candidates.Length == 0)
                {
                    continue;
                }

                pick = candidates[rng.NextInt(candidates.Length)];
            }

            if (!chosenIndicators.Contains(pick))
            {
                chosenIndicators.Add(pick);
            }
        }

        return chosenIndicators.Count == 0 ? null : string.Join(';', chosenIndicators.Select(i => i.Code));
    }

    // Pathway to Change scores, centred on the recommended level; never both high with a low recommendation
    // (that would be an exception nobody planted).
    private void DrawScores(int recommended)
    {
        if (rng.Chance(0.12))
        {
            row.Likelihood = -1;
            row.Seriousness = -1;
            return;
        }

        var centre = Draws.ScoreCentre[recommended];
        row.Likelihood = Math.Clamp(centre + rng.Between(-2, 2) + rng.Between(-1, 1), 0, 10);
        row.Seriousness = Math.Clamp(centre + rng.Between(-2, 2) + rng.Between(-1, 1), 0, 10);
        if (recommended <= 2 && row.Likelihood >= 8 && row.Seriousness >= 8)
        {
            row.Seriousness = 7;
        }
    }

    // The decision 0–3 working days after the consultation (none yet when that is after today).
    private void DrawDecision(DateOnly date)
    {
        if (rng.Chance(0.03))
        {
            row.DecisionDate = null;
            return;
        }

        var delay = Draws.DecisionDelay.Sample(rng);
        var decision = date;
        for (var n = delay; n > 0;)
        {
            decision = decision.AddDays(1);
            if (bankHolidays.IsWorkingDay(decision) ?? decision.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                n--;
            }
        }

        var minute = decision == date ? Math.Min(1439, row.Minute + rng.Between(15, 240)) : rng.Between(9 * 60, 17 * 60);
        row.DecisionDate = decision > run.Today ? null : decision;
        row.DecisionMinute = minute;
    }

    private void EmitEvents(EventSpill spill, int child, int birth, int day, int agency, EventMask events, int shown, bool forceContact)
    {
        if (forceContact || rng.Chance(Draws.ContactListedShare))
        {
            Spill(spill, new EventRecord(1, child, birth, day, -1, (byte)agency, EventFlags.None, 0));
        }

        if (events == EventMask.None)
        {
            return;
        }

        var referral = day + Draws.ReferralDelay.Sample(rng);
        if ((events & (EventMask.Referral | EventMask.ReferralNfa)) != 0)
        {
            var nfa = (events & EventMask.ReferralNfa) != 0 ? EventFlags.ReferralNfa : EventFlags.None;
            Spill(spill, new EventRecord(3, child, birth, referral, -1, (byte)agency, nfa, (byte)Draws.PriorCount.Sample(rng)));
        }

        if ((events & EventMask.EarlyHelp) != 0)
        {
            var start = day + rng.Between(2, 25);
            var completed = start + rng.Between(10, 60);
            Spill(spill, new EventRecord(2, child, birth, start, Known(completed), (byte)agency, EventFlags.None, (byte)rng.NextInt(vocabulary.OrganisationCount)));
        }

        if ((events & EventMask.Assessment) != 0)
        {
            var start = referral + rng.Between(0, 7);
            var authorised = start + rng.Between(10, 63);
            var flags = rng.Chance(0.95) ? EventFlags.ChildSeen : EventFlags.None;
            var needsSupport = rng.Chance(shown >= 3 ? 0.7 : 0.2);
            if (authorised <= cutoffDay)
            {
                flags |= EventFlags.SupportKnown | (needsSupport ? EventFlags.NeedsSupport : EventFlags.None);
            }

            Spill(spill, new EventRecord(4, child, birth, start, Known(authorised), (byte)agency, flags, 0));
            if (shown >= 3 && rng.Chance(0.5))
            {
                var opened = start + rng.Between(0, 20);
                episodes.TryAdd(new Episode(child, birth, EpisodeKind.ChildInNeed, opened, opened + rng.Between(60, 400), (byte)rng.NextInt(256)));
            }
        }

        if ((events & EventMask.Section47) != 0)
        {
            var strategy = referral + rng.Between(0, 3);
            var unnecessary = rng.Chance(0.35);
            var conference = unnecessary ? -1 : strategy + rng.Between(10, 21);
            var planMade = !unnecessary && rng.Chance(0.75);
            var flags = (unnecessary ? EventFlags.ConferenceUnnecessary : EventFlags.None) | (planMade ? EventFlags.PlanMade : EventFlags.None);
            Spill(spill, new EventRecord(5, child, birth, strategy, conference < 0 ? -1 : Known(conference), (byte)agency, flags, (byte)Draws.PriorCount.Sample(rng)));
            if (planMade)
            {
                var end = conference + rng.Between(90, 540);
                var detail = (byte)rng.NextInt(256);
                episodes.TryAdd(new Episode(child, birth, EpisodeKind.ChildProtection, conference, end, detail));
                episodes.TryAdd(new Episode(child, birth, EpisodeKind.ChildInNeed, strategy, end + rng.Between(0, 60), detail));
            }
        }
    }

    private int Known(int day) => day <= cutoffDay ? day : -1;

    // An event after the data cut-off has not happened yet: no return shows it.
    private void Spill(EventSpill spill, EventRecord record)
    {
        if (record.Date <= cutoffDay)
        {
            spill.Add(MonthKey(DateOnly.FromDayNumber(record.Date)), record);
        }
    }
}
