using System.Globalization;
using Warehouse.Frameworks;
using Warehouse.Synthetic.AnnexA;
using Warehouse.Synthetic.Calendar;
using Warehouse.Synthetic.Consultations;
using Warehouse.Synthetic.Levels;
using Warehouse.Synthetic.Population;
using Warehouse.Synthetic.Randomness;
using Warehouse.Synthetic.Reference;

namespace Warehouse.Synthetic.Generation;

/// <summary>
/// Generates one partnership, month by month: the month's consultations are drawn in date order and streamed to
/// their file; the Annex A rows they lead to are spilled to disk by the month they fall in; once a month's
/// consultations are done no later one can add to it, so its return is written and its spill deleted. Memory holds
/// eight bytes per child, a ring of recent children for repeats, and the open episodes.
/// </summary>
internal sealed partial class PartnershipGenerator
{
    private readonly RunSettings run;
    private readonly GeneratorOptions options;
    private readonly string partnership;
    private readonly PartnershipFrameworks frameworks;
    private readonly Dictionary<string, FrameworkTables> tablesByVersion = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Locality> localities;
    private readonly IReadOnlyList<Agency> agencies;
    private readonly BankHolidayCalendar bankHolidays;
    private readonly ChildAttributes childAttributes;
    private readonly ChildStore children = new();
    private readonly RepeatPool pool;
    private readonly EpisodeRegistry episodes = new();
    private readonly Rng rng;
    private readonly Plant plant;
    private readonly AgencyMix mix;
    private readonly VolumePlan plan;
    private readonly RealisedStats stats;
    private readonly string folder;
    private readonly AnnexAVocabulary vocabulary;
    private readonly string[] teams;
    private readonly string idPrefix;
    private readonly int cutoffDay;
    private readonly ConsultationRow row = new();
    private readonly List<Indicator> chosenIndicators = [];
    private readonly List<string> seriousUnderResponses = [];
    private readonly SortedSet<string> versionsUsed = new(StringComparer.Ordinal);
    private long repeats;
    private long recommendedBlank;
    private long alreadyOpen;

    public PartnershipGenerator(RunSettings run, string partnership)
    {
        this.run = run;
        options = run.Options;
        this.partnership = partnership;
        frameworks = run.Catalog.Get(partnership);
        localities = run.Reference.LocalitiesFor(partnership);
        agencies = run.Reference.Agencies;
        if (agencies.Count > 255)
        {
            throw new InvalidOperationException("The generator handles at most 255 agencies.");
        }

        bankHolidays = run.Reference.BankHolidays;
        folder = Path.Combine(options.OutputFolder, partnership);
        rng = Rng.For(options.Seed, "consultations:" + partnership);
        childAttributes = new ChildAttributes(options.Seed, partnership, [.. localities.Select(l => (double)Math.Max(l.Population0To17, 1))]);
        mix = new AgencyMix(agencies);
        cutoffDay = run.Cutoff.DayNumber;
        plan = VolumePlan.Build(run.RangeStart, run.Cutoff, d => frameworks.VersionFor(d) is not null, bankHolidays, mix, options.ConsultationsPerPartnership);
        stats = new RealisedStats(plan.FirstDay, plan.Counts.Length, localities.Count, agencies.Count);
        plant = options.PlantInconsistencies ? ChoosePlant() : Plant.None;
        vocabulary = new AnnexAVocabulary([.. localities.Select(l => l.Name)], options.Seed, partnership);
        teams = [.. localities.Select((l, i) => partnership switch
        {
            "warwickshire" => "Family Connect – " + l.Area,
            "worcestershire" => "Family Front Door, Team " + (1 + (i % 3)).ToString(CultureInfo.InvariantCulture),
            _ => "Front Door – " + l.Area,
        })];
        var letters = new string([.. partnership.Where(char.IsAsciiLetter).Take(3)]).ToUpperInvariant();
        idPrefix = (letters.Length == 0 ? "XXX" : letters) + "-FD-";

        // The ring of recent consultations repeats are drawn from: about nine months' worth.
        var perDay = (double)options.ConsultationsPerPartnership / Math.Max(1, plan.Counts.Count(c => c > 0));
        pool = new RepeatPool((int)Math.Clamp(perDay * 270, 1024, 4_000_000));
    }

    public PartnershipResult Run(IProgress<GeneratorProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var files = new List<GeneratedFile>();
        files.Add(CopyReference(partnership + "/localities.csv", "localities.csv", GeneratedFileKind.Localities));
        files.Add(CopyReference("common/agencies.csv", "agencies.csv", GeneratedFileKind.Agencies));

        var months = Months();
        var annexRows = new long[8];
        var (coverageStart, coverageEnd) = (int.MaxValue, int.MinValue);
        int consultationFiles = 0, workbooks = 0, listFiles = 0;
        long written = 0;
        var annexA = new AnnexAReturnWriter(folder, partnership, childAttributes, agencies, vocabulary, options);

        // A month's return is written on another thread while the next month's consultations are drawn: it reads
        // only its sealed spill files and a copy of the open episodes. One return is in flight at a time.
        Task<ReturnResult>? inFlight = null;
        SealedMonth? inFlightMonth = null;
        var inFlightIndex = -1;
        var inFlightWritten = 0L;
        void Collect()
        {
            if (inFlight is null)
            {
                return;
            }

            var result = inFlight.GetAwaiter().GetResult();
            EventSpill.Release(inFlightMonth!);
            files.AddRange(result.Files);
            if (result.Files.Count > 0)
            {
                for (var list = 1; list <= 7; list++)
                {
                    annexRows[list] += result.RowsPerList[list];
                }

                coverageStart = Math.Min(coverageStart, result.CoverageStart);
                coverageEnd = Math.Max(coverageEnd, result.CoverageEnd);
                workbooks += result.Files.Count(f => f.Kind == GeneratedFileKind.AnnexAWorkbook);
                listFiles += result.Files.Count(f => f.Kind == GeneratedFileKind.AnnexAList);
            }

            progress?.Report(new GeneratorProgress(partnership, months[inFlightIndex], inFlightIndex + 1, months.Count, inFlightWritten, options.ConsultationsPerPartnership));
            inFlight = null;
        }

        using (var spill = new EventSpill(Path.Combine(run.SpillRoot, partnership)))
        {
            try
            {
                for (var m = 0; m < months.Count; m++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var month = months[m];
                    var monthEnd = month.AddMonths(1).AddDays(-1);
                    var (count, file, key) = WriteConsultations(month, monthEnd, spill, cancellationToken);
                    written += count;
                    if (file is not null)
                    {
                        files.Add(file);
                        consultationFiles++;
                    }

                    if (key is not null)
                    {
                        files.Add(key);
                    }

                    var sealedMonth = spill.Seal(MonthKey(month));
                    var inNeed = episodes.OpenDuring(EpisodeKind.ChildInNeed, month.DayNumber, monthEnd.DayNumber, cutoffDay);
                    var protection = episodes.OpenDuring(EpisodeKind.ChildProtection, month.DayNumber, monthEnd.DayNumber, cutoffDay);
                    episodes.ForgetClosedBefore(monthEnd.DayNumber + 1);

                    Collect();
                    (inFlight, inFlightMonth, inFlightIndex, inFlightWritten) = (
                        Task.Run(() => annexA.Write(month, sealedMonth, inNeed, protection, cutoffDay), cancellationToken),
                        sealedMonth,
                        m,
                        written);
                }

                Collect();
            }
            finally
            {
                // On failure, let a return still being written finish before its files are deleted.
                if (inFlight is not null)
                {
                    try
                    {
                        inFlight.Wait(CancellationToken.None);
                    }
                    catch (AggregateException)
                    {
                        // The first failure is already on its way out.
                    }
                }
            }
        }

        var manifest = BuildManifest(
            coverageStart == int.MaxValue ? null : DateOnly.FromDayNumber(coverageStart),
            coverageEnd == int.MinValue ? null : DateOnly.FromDayNumber(coverageEnd),
            written,
            annexRows,
            consultationFiles,
            workbooks,
            listFiles);
        // Returns finish out of step with the consultation files: list the inbox files by name, the answer key last.
        files.Sort((x, y) => (x.Kind == GeneratedFileKind.AnswerKey).CompareTo(y.Kind == GeneratedFileKind.AnswerKey) is var byKind and not 0
            ? byKind
            : string.CompareOrdinal(x.Path, y.Path));
        return new PartnershipResult(manifest, files);
    }

    internal static int MonthKey(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private List<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var month = run.RangeStart; month <= run.Cutoff; month = month.AddMonths(1))
        {
            var first = Math.Max(month.DayNumber, plan.FirstDay);
            var last = Math.Min(month.AddMonths(1).DayNumber - 1, cutoffDay);
            var active = false;
            for (var d = first; d <= last && !active; d++)
            {
                active = frameworks.VersionFor(DateOnly.FromDayNumber(d)) is not null;
            }

            if (active)
            {
                months.Add(month);
            }
        }

        return months;
    }

    private (long Count, GeneratedFile? File, GeneratedFile? Key) WriteConsultations(DateOnly month, DateOnly monthEnd, EventSpill spill, CancellationToken cancellationToken)
    {
        var first = Math.Max(month.DayNumber, plan.FirstDay);
        var last = Math.Min(monthEnd.DayNumber, cutoffDay);
        long total = 0;
        for (var d = first; d <= last; d++)
        {
            total += plan.Counts[d - plan.FirstDay];
        }

        if (total == 0)
        {
            // A file with a header and no rows would be refused by the loader: none is written.
            return (0, null, null);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"consultations-{month:yyyy-MM}.csv");
        var path = Path.Combine(folder, name);
        var format = Rng.For(options.Seed, "consultation-file:" + partnership, MonthKey(month));
        var style = ConsultationFileStyle.Choose(format, options.Messy);
        AnswerKeyWriter? key = null;
        if (options.AnswerKeyFolder is { } answers)
        {
            var keyFolder = Path.Combine(answers, partnership);
            Directory.CreateDirectory(keyFolder);
            key = new AnswerKeyWriter(Path.Combine(keyFolder, string.Create(CultureInfo.InvariantCulture, $"answer-key-{month:yyyy-MM}.csv")));
        }

        long rows;
        using (key)
        {
            using var writer = new ConsultationFileWriter(path, style, format, options.Messy);
            var sequence = 0;
            var firstActive = plan.FirstActiveDay;
            var lastActive = plan.LastActiveDay;
            for (var d = first; d <= last; d++)
            {
                var count = plan.Counts[d - plan.FirstDay];
                for (var i = 0; i < count; i++)
                {
                    if ((sequence & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    sequence++;
                    Consultation(d, sequence, d == firstActive || d == lastActive, writer, key, spill);
                }
            }

            rows = writer.Rows;
        }

        var file = new GeneratedFile(partnership, path, GeneratedFileKind.Consultations, rows, new FileInfo(path).Length);
        var keyFile = key is null ? null : new GeneratedFile(partnership, key.Path, GeneratedFileKind.AnswerKey, key.Rows, new FileInfo(key.Path).Length);
        return (rows, file, keyFile);
    }

    private FrameworkTables TablesFor(DateOnly date)
    {
        var framework = frameworks.VersionFor(date)
            ?? throw new InvalidOperationException($"No {partnership} framework version is in force on {date:yyyy-MM-dd}.");
        if (!tablesByVersion.TryGetValue(framework.Version, out var tables))
        {
            tables = new FrameworkTables(framework);
            tablesByVersion.Add(framework.Version, tables);
        }

        versionsUsed.Add(framework.Version);
        return tables;
    }

    private GeneratedFile CopyReference(string source, string name, GeneratedFileKind kind)
    {
        var path = Path.Combine(folder, name);
        var bytes = ReferenceFiles.Read(options.FrameworksDirectory, source);
        File.WriteAllBytes(path, bytes);
        return new GeneratedFile(partnership, path, kind, bytes.Count(b => b == (byte)'\n') - 1, bytes.Length);
    }

    private Plant ChoosePlant()
    {
        var choose = Rng.For(options.Seed, "plant:" + partnership);

        // A locality of at least median size, and an agency with at least 4% of calls: big enough to be found.
        var median = localities.Select(l => l.Population0To17).Order().ElementAt(localities.Count / 2);
        var candidates = Enumerable.Range(0, localities.Count).Where(i => localities[i].Population0To17 >= median).ToArray();
        var locality = candidates[choose.NextInt(candidates.Length)];
        var total = mix.BaseShares.Sum();
        var callers = Enumerable.Range(0, agencies.Count).Where(a => mix.BaseShares[a] / total >= 0.04).ToArray();
        var agency = callers.Length > 0 ? callers[choose.NextInt(callers.Length)] : choose.NextInt(agencies.Count);

        // About a dozen serious under-responses whatever the size, more (1 in 2,000 top-level consultations) in big runs.
        var topLevel = options.ConsultationsPerPartnership * Draws.RecommendedLevelShares[3];
        var share = Math.Clamp(12 / Math.Max(topLevel, 1), 0.0005, 0.2);
        return new Plant(locality, agency, share);
    }
}
