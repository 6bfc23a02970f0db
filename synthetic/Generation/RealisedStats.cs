namespace Warehouse.Synthetic.Generation;

/// <summary>
/// Counts recommended → actual as the written data will give them, so that the manifest can state what the loader
/// and analytics must find. Annex A-derived levels are counted per consultation day: whether a window has closed is
/// known only at the end, from the coverage actually written.
/// </summary>
internal sealed class RealisedStats
{
    private const int Cells = 16;

    private readonly int firstDay;
    private readonly int days;
    private readonly int groups;
    private readonly int localities;
    private readonly long[] recorded;
    private readonly int[] derivedByDay;
    private readonly long[] pendingOrClosedByDay;

    public RealisedStats(int firstDay, int days, int localities, int agencies)
    {
        this.firstDay = firstDay;
        this.days = days;
        this.localities = localities;
        groups = 1 + localities + agencies;
        recorded = new long[groups * Cells];
        derivedByDay = new int[days * groups * Cells];
        pendingOrClosedByDay = new long[days];
    }

    public long RecordedCount { get; private set; }

    /// <summary>Adds a consultation; <paramref name="recommended"/> is 0 when none was recorded (then it is never assessable).</summary>
    public void Add(int day, int recommended, int actual, bool isRecorded, int locality, int agency)
    {
        if (isRecorded)
        {
            RecordedCount++;
        }
        else
        {
            pendingOrClosedByDay[day - firstDay]++;
        }

        if (recommended == 0)
        {
            return;
        }

        var cell = ((recommended - 1) * 4) + (actual - 1);
        if (isRecorded)
        {
            recorded[cell]++;
            recorded[((1 + locality) * Cells) + cell]++;
            recorded[((1 + localities + agency) * Cells) + cell]++;
        }
        else
        {
            var offset = (day - firstDay) * groups * Cells;
            derivedByDay[offset + cell]++;
            derivedByDay[offset + ((1 + locality) * Cells) + cell]++;
            derivedByDay[offset + ((1 + localities + agency) * Cells) + cell]++;
        }
    }

    /// <summary>Consultations without a recorded level whose window closes by the day, and those still open.</summary>
    public (long Closed, long Pending) Windows(int coverageEnd)
    {
        long closed = 0, pending = 0;
        for (var d = 0; d < days; d++)
        {
            if (firstDay + d + Draws.WindowDays <= coverageEnd)
            {
                closed += pendingOrClosedByDay[d];
            }
            else
            {
                pending += pendingOrClosedByDay[d];
            }
        }

        return (closed, pending);
    }

    /// <summary>The counts for one group (0 = partnership, then localities, then agencies) by source.</summary>
    public (long[] Recorded, long[] Derived) Matrix(int group, int coverageEnd)
    {
        var fromRecords = new long[Cells];
        var derived = new long[Cells];
        Array.Copy(recorded, group * Cells, fromRecords, 0, Cells);
        for (var d = 0; d < days && firstDay + d + Draws.WindowDays <= coverageEnd; d++)
        {
            var offset = (d * groups * Cells) + (group * Cells);
            for (var c = 0; c < Cells; c++)
            {
                derived[c] += derivedByDay[offset + c];
            }
        }

        return (fromRecords, derived);
    }

    public static UnitAgreement Summarise(string unit, long[] cells)
    {
        long total = 0, agree = 0, over = 0, under = 0, serious = 0;
        var matrix = new IReadOnlyList<long>[4];
        for (var r = 0; r < 4; r++)
        {
            var row = new long[4];
            for (var a = 0; a < 4; a++)
            {
                var n = cells[(r * 4) + a];
                row[a] = n;
                total += n;
                if (a == r)
                {
                    agree += n;
                }
                else if (a > r)
                {
                    over += n;
                }
                else
                {
                    under += n;
                }

                if (r == 3 && a <= 1)
                {
                    serious += n;
                }
            }

            matrix[r] = row;
        }

        return new UnitAgreement(unit, total, agree, over, under, serious, matrix);
    }
}
