using System.Globalization;
using Warehouse.Frameworks;
using Warehouse.Synthetic.Population;
using Warehouse.Synthetic.Randomness;
using Warehouse.Synthetic.Xlsx;

namespace Warehouse.Synthetic.AnnexA;

/// <summary>
/// Writes a month's Annex A return: Lists 1–5 hold the events dated in the month (so the return's coverage is
/// that month's events), Lists 6 and 7 the child in need episodes and protection plans open during it, Lists 8–11
/// their headers only. A workbook while every list fits on a sheet, else one CSV per list.
/// </summary>
internal sealed partial class AnnexAReturnWriter
{
    private readonly string folder;
    private readonly ChildAttributes children;
    private readonly IReadOnlyList<Agency> agencies;
    private readonly AnnexAVocabulary vocabulary;
    private readonly GeneratorOptions options;
    private readonly string partnership;
    private readonly bool messy;

    // Per return: its random stream (mess only), its period and the data cut-off.
    private Rng rng = new(0);
    private DateOnly periodEnd;
    private int cutoff;

    public AnnexAReturnWriter(string folder, string partnership, ChildAttributes children, IReadOnlyList<Agency> agencies, AnnexAVocabulary vocabulary, GeneratorOptions options)
    {
        this.folder = folder;
        this.partnership = partnership;
        this.children = children;
        this.agencies = agencies;
        this.vocabulary = vocabulary;
        this.options = options;
        messy = options.Messy;
    }

    public ReturnResult Write(DateOnly month, SealedMonth spill, Episode[] childInNeed, Episode[] protection, int cutoffDay)
    {
        rng = Rng.For(options.Seed, "annex-a:" + partnership, spill.Month);
        periodEnd = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        cutoff = cutoffDay;
        var rows = new long[8];
        for (var list = 1; list <= 5; list++)
        {
            rows[list] = spill.Count(list);
        }

        rows[6] = childInNeed.Length;
        rows[7] = protection.Length;
        if (rows[1] + rows[2] + rows[3] + rows[4] + rows[5] == 0)
        {
            // No event in the month: a return would have no coverage. Nothing is written.
            return new ReturnResult([], rows, -1, -1);
        }

        var longest = rows.Max();
        if (options.AnnexAFormat == AnnexAFormat.Xlsx && longest > options.ExcelRowLimit)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{partnership} {month:yyyy-MM}: a list has {longest:N0} rows, more than a sheet holds ({options.ExcelRowLimit:N0}); use AnnexAFormat.Auto or CsvPerList."));
        }

        var csv = UsesCsv(options.AnnexAFormat, longest, options.ExcelRowLimit);
        var stem = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"annex-a-{month:yyyy-MM}"));
        var coverage = (Start: int.MaxValue, End: int.MinValue);
        var files = new List<GeneratedFile>();
        if (csv)
        {
            // A list CSV with headers and no rows would be refused by the loader: empty lists are left out.
            var isoDates = messy && rng.Chance(0.3);
            for (var list = 1; list <= 7; list++)
            {
                if (rows[list] == 0)
                {
                    continue;
                }

                var path = string.Create(CultureInfo.InvariantCulture, $"{stem}-list-{list}.csv");
                using (var sink = new CsvListSink(path, AnnexAHeaders.Lists[list], isoDates))
                {
                    WriteList(sink, list, spill, childInNeed, protection, ref coverage);
                }

                files.Add(new GeneratedFile(partnership, path, GeneratedFileKind.AnnexAList, rows[list], new FileInfo(path).Length));
            }
        }
        else
        {
            var path = stem + ".xlsx";
            using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var package = new XlsxPackage(stream, AnnexAHeaders.SheetNames, periodEnd))
            {
                for (var list = 1; list <= 11; list++)
                {
                    var headers = AnnexAHeaders.Lists[list];
                    using (var sheet = package.NextSheet(headers.Count, list <= 7 ? rows[list] : 0))
                    {
                        sheet.Header(headers);
                        if (list <= 7)
                        {
                            WriteList(sheet, list, spill, childInNeed, protection, ref coverage);
                        }
                    }
                }

                package.Finish();
            }

            files.Add(new GeneratedFile(partnership, path, GeneratedFileKind.AnnexAWorkbook, rows.Sum(), new FileInfo(path).Length));
        }

        return new ReturnResult(files, rows, coverage.Start, coverage.End);
    }

    /// <summary>Whether a return whose longest list has so many rows is written as one CSV per list.</summary>
    internal static bool UsesCsv(AnnexAFormat format, long longestList, int rowLimit) => format switch
    {
        AnnexAFormat.CsvPerList => true,
        AnnexAFormat.Xlsx => false,
        _ => longestList > rowLimit,
    };

    private void WriteList(ICellSink sink, int list, SealedMonth spill, Episode[] childInNeed, Episode[] protection, ref (int Start, int End) coverage)
    {
        if (list == 6)
        {
            foreach (var episode in childInNeed)
            {
                ChildInNeedRow(sink, episode);
            }

            return;
        }

        if (list == 7)
        {
            foreach (var episode in protection)
            {
                ProtectionRow(sink, episode);
            }

            return;
        }

        // Real returns list each sheet by date; a list too long to hold in memory is streamed as it was spilled.
        IEnumerable<EventRecord> records = spill.Read(list);
        if (spill.Count(list) <= GeneratorOptions.ExcelMaxDataRows)
        {
            var sorted = records.ToArray();
            Array.Sort(sorted, EventRecord.Compare);
            records = sorted;
        }

        foreach (var record in records)
        {
            coverage = (Math.Min(coverage.Start, record.Date), Math.Max(coverage.End, record.Date));
            switch (list)
            {
                case 1:
                    ContactRow(sink, record);
                    break;
                case 2:
                    EarlyHelpRow(sink, record);
                    break;
                case 3:
                    ReferralRow(sink, record);
                    break;
                case 4:
                    AssessmentRow(sink, record);
                    break;
                default:
                    Section47Row(sink, record);
                    break;
            }
        }
    }
}
