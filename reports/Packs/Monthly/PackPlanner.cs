using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Audit;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;

namespace Warehouse.Reports.Packs.Monthly;

/// <summary>
/// Lays out a monthly pack from one check run: each table's rows and figures, and the relations
/// between figures that a reader could use (totals, a partnership and its localities, areas,
/// sectors and their agencies, a trend month and the same month's partnership figures). The parts
/// of the pack are in the partial files beside this one.
/// </summary>
internal sealed partial class PackPlanner
{
    private readonly PackData _data;
    private readonly RunInfo _run;
    private readonly FigureBook _book = new();
    private readonly List<PackTable> _tables = [];
    private readonly List<PackTable> _chartTables = [];

    private PackPlanner(PackData data)
    {
        _data = data;
        _run = data.Run;
    }

    /// <summary>The partnership's own code, the group value of its partnership rows.</summary>
    private string Partnership => _run.Partnership;

    private DateOnly Month => _run.Period;

    public static PackPlan Plan(PackData data, IReadOnlyDictionary<CellKey, PublishedFigure> previous, bool declareRelations = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var planner = new PackPlanner(data);
        planner.PlanAll();
        var request = planner._book.Request(previous, declareRelations);
        return new PackPlan(data, planner._book, planner._tables, planner._chartTables, request);
    }

    private void PlanAll()
    {
        // Sheet order is the order tables are added; the headline goes first but is built from
        // figures the other tables declare, with the same ids, so it is added first and filled by
        // the same helpers.
        Headline();
        Trend();
        Matrices();
        AgreementTables();
        Volumes();
        LevelMix();
        Pathway();
        Consent();
        Timeliness();
        Steps();
        Audit();
        AuditSample();
        NotAssessable();
        ActualSources();
        Loads();
        Problems();
        ChartData();
        AgreementRelations();
    }

    /// <summary>
    /// The latest audit's findings (<see cref="AuditPackSection"/>), when an audit of this month or earlier
    /// has any: declared in this pack's book, so the one disclosure request covers them too.
    /// </summary>
    private void AuditSample()
    {
        if (_data.AuditFindings is { } findings)
        {
            // Plan completes the table in the book itself.
            _tables.Add(AuditPackSection.Plan(_book, findings));
        }
    }

    private static FigureId Fig(DateOnly period, string grouping, string group, string? comparison, string measure) =>
        new(period, grouping, group, comparison, measure);

    private FigureId Partner(DateOnly period, string measure) => Fig(period, "partnership", Partnership, null, measure);

    private void AddTable(TableBuilder builder, PackTable table)
    {
        builder.Complete();
        _tables.Add(table);
    }

    private static TextValue Text(string text) => new(text);

    private static string MonthCode(DateOnly month) => Labels.MonthCode(month);

    /// <summary>Partnership row first, then the groups of the reference data in its order, then any others the data had.</summary>
    private static IEnumerable<string> Ordered(IEnumerable<string> present, IEnumerable<string> reference)
    {
        var set = present.ToHashSet(StringComparer.Ordinal);
        var listed = reference.Where(set.Contains).ToList();
        return listed.Concat(set.Except(listed).Order(StringComparer.Ordinal));
    }
}
