using Warehouse.Synthetic.Consultations;
using Warehouse.Synthetic.Population;
using Warehouse.Synthetic.Xlsx;

namespace Warehouse.Synthetic.AnnexA;

internal sealed partial class AnnexAReturnWriter
{
    private void ContactRow(ICellSink sink, EventRecord e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        KeyDate(sink, e.Date);
        Source(sink, e.Agency);
        sink.EndRow();
    }

    private void EarlyHelpRow(ICellSink sink, EventRecord e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        var startAsText = KeyDate(sink, e.Date);
        if (e.Date2 < 0)
        {
            sink.Blank();
        }
        else if (messy && !startAsText && rng.Chance(0.15))
        {
            // A completion date typed as a formula on the start date, as in real returns (=F2+14).
            sink.DateFormula(5, e.Date2 - e.Date, DateOnly.FromDayNumber(e.Date2));
        }
        else
        {
            OtherDate(sink, e.Date2);
        }

        sink.Text(vocabulary.Organisation(e.Extra));
        sink.EndRow();
    }

    private void ReferralRow(ICellSink sink, EventRecord e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        KeyDate(sink, e.Date);
        Source(sink, e.Agency);

        // The NFA flag decides whether the referral confirms an outcome: always plain Yes or No.
        sink.Text((e.Flags & EventFlags.ReferralNfa) != 0 ? "Yes" : "No");
        sink.Integer(e.Extra);
        Staff(sink, e.Child, 3);
        sink.EndRow();
    }

    private void AssessmentRow(ICellSink sink, EventRecord e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        Disability(sink, e.Child);
        KeyDate(sink, e.Date);
        sink.Text((e.Flags & EventFlags.ChildSeen) != 0 ? "Yes" : "No");
        if (e.Date2 < 0)
        {
            sink.Blank();
        }
        else
        {
            OtherDate(sink, e.Date2);
        }

        if ((e.Flags & EventFlags.SupportKnown) == 0)
        {
            sink.Blank();
        }
        else if (messy && rng.Chance(0.03))
        {
            // An unreadable value the loader must keep as unknown and warn about.
            sink.Text("CS Assessment Updated");
        }
        else
        {
            sink.Text((e.Flags & EventFlags.NeedsSupport) != 0 ? "Yes" : "No");
        }

        Staff(sink, e.Child, 4);
        sink.EndRow();
    }

    private void Section47Row(ICellSink sink, EventRecord e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        Disability(sink, e.Child);
        KeyDate(sink, e.Date);
        var unnecessary = (e.Flags & EventFlags.ConferenceUnnecessary) != 0;
        sink.Text(unnecessary ? "Yes" : "No");
        if (e.Date2 < 0)
        {
            sink.Blank();
            sink.Blank();
        }
        else
        {
            OtherDate(sink, e.Date2);
            sink.Text((e.Flags & EventFlags.PlanMade) != 0 ? "Yes" : "No");
        }

        sink.Integer(e.Extra);
        sink.Integer(e.Date2 < 0 ? 0 : 1);
        Staff(sink, e.Child, 5);
        sink.EndRow();
    }

    private void ChildInNeedRow(ICellSink sink, Episode e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        Disability(sink, e.Child);
        KeyDate(sink, e.Start);
        sink.Text(AnnexAVocabulary.NeedCodes[e.Detail % AnnexAVocabulary.NeedCodes.Length]);
        var closed = e.End <= Math.Min(periodEnd.DayNumber, cutoff);
        var lastSeen = Math.Min(closed ? e.End : Math.Min(periodEnd.DayNumber, cutoff), e.Start + 10 + (e.Child % 50));
        OtherDate(sink, Math.Max(lastSeen, e.Start));
        if (closed)
        {
            OtherDate(sink, e.End);
            sink.Text(AnnexAVocabulary.ClosureReasons[e.Detail % AnnexAVocabulary.ClosureReasons.Length]);
        }
        else
        {
            sink.Blank();
            sink.Blank();
        }

        sink.Text(closed ? "a) Closed episode" : "c) Child in need plan");
        if (messy && rng.Chance(0.05))
        {
            // The #N/A a broken lookup leaves in team and worker.
            sink.NotAvailable(asError: rng.Chance(0.5));
            sink.NotAvailable(asError: false);
        }
        else
        {
            Staff(sink, e.Child, 6);
        }

        sink.EndRow();
    }

    private void ProtectionRow(ICellSink sink, Episode e)
    {
        sink.BeginRow();
        Person(sink, e.Child, e.BirthDay);
        Disability(sink, e.Child);
        KeyDate(sink, e.Start);
        var category = AnnexAVocabulary.AbuseCategories[e.Detail % AnnexAVocabulary.AbuseCategories.Length];
        sink.Text(category);
        sink.Text(category);
        var lastDay = Math.Min(periodEnd.DayNumber, cutoff);
        OtherDate(sink, Math.Max(e.Start, lastDay - (e.Child % 20)));
        sink.Text(YesNo((e.Child & 3) != 0));
        if (lastDay - e.Start >= 90)
        {
            OtherDate(sink, e.Start + 90);
        }
        else
        {
            sink.Blank();
        }

        if (e.End <= lastDay)
        {
            OtherDate(sink, e.End);
        }
        else
        {
            sink.Blank();
        }

        sink.Text(YesNo(false));
        sink.Integer(e.Detail % 4 == 0 ? 1 : 0);
        Staff(sink, e.Child, 7);
        sink.EndRow();
    }

    // Child Unique ID, Gender, Ethnicity, Date of Birth, Age.
    private void Person(ICellSink sink, int child, int birthDay)
    {
        var traits = children.Traits(child);
        sink.Identifier(children.Id(child));
        sink.Text(traits.Sex switch
        {
            'M' => Prefixed("a) Male", "Male"),
            'F' => Prefixed("b) Female", "Female"),
            _ => Prefixed("c) Not stated/recorded", "Not stated/recorded"),
        });
        if (traits.Ethnicity < 0)
        {
            sink.Blank();
        }
        else
        {
            sink.Text(Prefixed(Ethnicities.AnnexALabels[traits.Ethnicity], Ethnicities.Codes[traits.Ethnicity]));
        }

        if (messy && rng.Chance(0.03))
        {
            sink.Blank();
        }
        else
        {
            sink.Date(DateOnly.FromDayNumber(birthDay), messy && rng.Chance(0.12));
        }

        // Age in years at the end of the period: a raw decimal in messy returns, as the samples have it.
        var days = periodEnd.DayNumber - birthDay;
        if (days < 0)
        {
            sink.Blank();
        }
        else if (messy)
        {
            sink.Decimal(days / 365.25);
        }
        else
        {
            sink.Integer(days * 4 / 1461);
        }

        return;

        string Prefixed(string lettered, string plain) => messy && rng.Chance(0.35) ? plain : lettered;
    }

    private void Disability(ICellSink sink, int child)
    {
        switch (children.Traits(child).Disability)
        {
            case 1:
                sink.Text(YesNo(true));
                break;
            case 2:
                sink.Text(YesNo(false));
                break;
            default:
                sink.Blank();
                break;
        }
    }

    private void Source(ICellSink sink, byte agency)
    {
        var code = agencies[agency].CinSourceCode;
        sink.Text(messy && rng.Chance(0.2) ? code : CinSources.AnnexALabel(code));
    }

    /// <summary>The list's key date: a serial date, or in a messy return sometimes the text dd/mm/yyyy. True when text.</summary>
    private bool KeyDate(ICellSink sink, int day)
    {
        var asText = messy && rng.Chance(0.08);
        sink.Date(DateOnly.FromDayNumber(day), asText);
        return asText;
    }

    private void OtherDate(ICellSink sink, int day) => sink.Date(DateOnly.FromDayNumber(day), messy && rng.Chance(0.08));

    // Allocated Team and Allocated Worker: a made-up name the loader must drop (non-breaking spaces in some).
    private void Staff(ICellSink sink, int child, int list)
    {
        var team = (int)(((uint)child * 31u + (uint)list) % (uint)vocabulary.TeamCount);
        sink.Text(vocabulary.Team(team));
        sink.Text(vocabulary.Worker(team, child, messy && rng.Chance(0.4)));
    }

    // Yes/No as the template letters it (a) Yes, b) No), plain in some rows of a messy return.
    private string YesNo(bool yes) => messy && rng.Chance(0.3) ? (yes ? "Yes" : "No") : (yes ? "a) Yes" : "b) No");
}
