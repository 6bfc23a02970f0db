using System.Globalization;
using Warehouse.Synthetic.Levels;

namespace Warehouse.Synthetic.Generation;

internal sealed partial class PartnershipGenerator
{
    private const string Rule =
        "Each consultation draws an intended actual level from its matrix. When actual_level is written it is that level. " +
        "Otherwise the Annex A events in the 30 days after the consultation are chosen so that CONTRACT.md section 3 derives it " +
        "(with the framework's outcome confirmations and the child's open-case floor); where the rules cannot show the intended " +
        "level for the outcome, the events show the nearest level they can (between two equally near, the one on the intended " +
        "side of the recommended level), and that is the level counted under 'realised'. Events are written for recorded " +
        "consultations too. A child's repeat consultation comes at least 31 days after the previous one, so no window holds " +
        "another consultation's events.";

    private PartnershipManifest BuildManifest(
        DateOnly? coverageStart,
        DateOnly? coverageEnd,
        long consultations,
        long[] annexRows,
        int consultationFiles,
        int workbooks,
        int listFiles)
    {
        var end = coverageEnd?.DayNumber ?? int.MinValue;
        var (closed, pending) = coverageEnd is null ? (0L, stats.Windows(int.MinValue).Pending) : stats.Windows(end);
        var counts = new PartnershipCounts(
            consultations,
            children.Count,
            repeats,
            recommendedBlank,
            stats.RecordedCount,
            closed,
            pending,
            alreadyOpen,
            [.. annexRows.Skip(1)],
            consultationFiles,
            workbooks,
            listFiles);

        var planted = options.PlantInconsistencies
            ? new PlantedItems(localities[plant.Locality].Code, agencies[plant.Agency].Code, [.. seriousUnderResponses])
            : new PlantedItems(null, null, []);
        var matrices = new TransitionMatrices(
            TransitionMatrix.Common.ToList(),
            options.PlantInconsistencies ? TransitionMatrix.OverResponse.ToList() : null,
            options.PlantInconsistencies ? TransitionMatrix.UnderResponse.ToList() : null,
            Rule);

        var (recordedAll, derivedAll) = stats.Matrix(0, end);
        var realised = new RealisedAgreement(
            RealisedStats.Summarise(partnership, Add(recordedAll, derivedAll)),
            [RealisedStats.Summarise("recorded", recordedAll), RealisedStats.Summarise("annex_a", derivedAll)],
            [.. localities.Select((l, i) => Unit(l.Code, 1 + i, end))],
            [.. agencies.Select((a, i) => Unit(a.Code, 1 + localities.Count + i, end))]);

        var notes = new List<string>
        {
            "All data are synthetic: made-up children, identifiers, dates and names. No record describes a real child, family or worker.",
            "Apart from the planted items, every locality and agency shares the same distributions of recommended level, outcome, response, consent and scores: any other flag is a false positive.",
            string.Create(CultureInfo.InvariantCulture, $"Realised counts assume the data cut-off is the Annex A coverage end ({coverageEnd:yyyy-MM-dd}) and a {Draws.WindowDays}-day window; consultations without a recommended level are not assessable."),
            "Each month's Annex A return holds the events dated in that month (Lists 1-5), the episodes open during it (Lists 6-7) and the headers of Lists 8-11; a month without events has no return.",
        };
        var firstVersion = frameworks.Versions[0].EffectiveFrom;
        if (run.RangeStart < firstVersion)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"No {partnership} framework version is in force before {firstVersion:yyyy-MM-dd}: consultations start then."));
        }

        return new PartnershipManifest(
            partnership,
            [.. versionsUsed],
            plan.FirstActiveDay < 0 ? null : DateOnly.FromDayNumber(plan.FirstActiveDay),
            plan.LastActiveDay < 0 ? null : DateOnly.FromDayNumber(plan.LastActiveDay),
            coverageStart,
            coverageEnd,
            counts,
            planted,
            matrices,
            realised,
            notes);
    }

    private UnitAgreement Unit(string code, int group, int coverageEnd)
    {
        var (recorded, derived) = stats.Matrix(group, coverageEnd);
        return RealisedStats.Summarise(code, Add(recorded, derived));
    }

    private static long[] Add(long[] a, long[] b) => [.. a.Zip(b, (x, y) => x + y)];
}
