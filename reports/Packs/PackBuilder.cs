using Warehouse.Analytics.Disclosure;
using Warehouse.Reports.Audit;
using Warehouse.Reports.Briefings;
using Warehouse.Reports.Charts;
using Warehouse.Reports.Csv;
using Warehouse.Reports.Excel;
using Warehouse.Reports.Packs.Charts;
using Warehouse.Reports.Packs.Data;
using Warehouse.Reports.Packs.Figures;
using Warehouse.Reports.Packs.Monthly;
using Warehouse.Reports.Packs.Qa;
using Warehouse.Reports.Packs.Rendering;
using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Packs;

/// <summary>
/// Builds a partnership's monthly output from one check run: the executive pack (.xlsx), each of its
/// tables as CSV, a tidy CSV of every published figure, the charts (SVG and PNG), a briefing per
/// locality (HTML), and – restricted, in its own owner-only folder – the quality-assurance workbook.
/// </summary>
/// <remarks>
/// <para>Every published number passes through the disclosure-control stage once, for the whole
/// month's output together (tables, charts and briefings), so a figure hidden in one place is hidden
/// everywhere and no hidden figure can be worked out from the others.</para>
/// <para>Only aggregated rows of the run are read (a few thousand whatever the size of the
/// warehouse); case rows are read only for the QA workbook, and streamed.</para>
/// <para>Files are written whole or not at all (temporary file, then rename).</para>
/// </remarks>
public static class PackBuilder
{
    /// <summary>
    /// Builds the monthly pack for the run's partnership and month: the workbook, CSVs, tidy CSV,
    /// charts and briefings under <c>&lt;OutputFolder&gt;/&lt;partnership&gt;/&lt;yyyy-mm&gt;/</c>, and the QA workbook
    /// under <c>&lt;RestrictedFolder&gt;/&lt;partnership&gt;/&lt;yyyy-mm&gt;/</c>.
    /// </summary>
    /// <param name="warehouse">An open connection to the warehouse holding the run.</param>
    /// <param name="runId">The check run (<c>CheckRunner.Run</c>'s result).</param>
    /// <param name="options">Folders, disclosure rules, publisher and version.</param>
    /// <param name="clock">The time the pack says it was produced.</param>
    /// <param name="cancellationToken">Stops between files; a file is never left half-written.</param>
    /// <returns>Every file written, with its kind, and the counts of suppressed figures.</returns>
    /// <exception cref="InvalidOperationException">There is no such run, or the restricted folder is not safe to write to.</exception>
    public static PackResult Build(DuckDbConnection warehouse, string runId, PackOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var timings = new List<PackStageTiming>();
        var (plan, figures, paths, now) = Prepare(warehouse, runId, options, clock, cancellationToken, timings,
            // Before anything is written: case-level rows must have a safe, separate place to go.
            beforePublishing: paths => RestrictedFolder.Prepare(paths, options.RestrictedFolder));
        RemoveLeftovers(paths, restricted: true);
        var files = new List<PackFile>();
        var warnings = new List<string>();

        Timed(clock, timings, "workbook", () =>
        {
            var workbook = PackSheets.Build(plan, figures, options, now, Commentary.Read(options.CommentaryFolder));
            XlsxWriter.WriteFile(workbook, paths.Workbook, cancellationToken: cancellationToken);
            files.Add(new PackFile(paths.Workbook, PackFileKind.Publishable, "executive pack"));
        });

        Timed(clock, timings, "csv", () =>
        {
            foreach (var table in plan.Tables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = paths.Csv(table.Id);
                CsvFile.Write(path, SheetRenderer.Render(table, figures), cancellationToken: cancellationToken);
                files.Add(new PackFile(path, PackFileKind.Publishable, $"table (CSV): {table.Title}"));
            }

            TidyCsv.Write(paths.Tidy, figures, cancellationToken);
            files.Add(new PackFile(paths.Tidy, PackFileKind.Publishable, "every published figure (tidy CSV)"));
        });

        WriteChartsAndBriefings(plan, figures, paths, options, now, files, warnings, clock, timings, cancellationToken);

        Timed(clock, timings, "qa workbook", () =>
        {
            QaWorkbook.Write(warehouse, plan.Data, paths.QaWorkbook, options, now, cancellationToken);
            files.Add(new PackFile(paths.QaWorkbook, PackFileKind.Restricted, "quality-assurance exceptions (OFFICIAL-SENSITIVE)"));
        });
        return Result(plan, figures, files, warnings, timings);
    }

    /// <summary>
    /// Draws the charts and the locality briefings only (the weekly locality-charts job), with the same
    /// disclosure control as the monthly pack, so the figures agree with it.
    /// </summary>
    /// <param name="warehouse">An open connection to the warehouse holding the run.</param>
    /// <param name="runId">The check run.</param>
    /// <param name="options">Folders, disclosure rules, publisher and version (the restricted folder is not used).</param>
    /// <param name="clock">The time the briefings say they were produced.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>The charts and briefings written.</returns>
    public static PackResult BuildCharts(DuckDbConnection warehouse, string runId, PackOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var timings = new List<PackStageTiming>();
        var (plan, figures, paths, now) = Prepare(warehouse, runId, options, clock, cancellationToken, timings);
        RemoveLeftovers(paths, restricted: false);
        var files = new List<PackFile>();
        var warnings = new List<string>();
        WriteChartsAndBriefings(plan, figures, paths, options, now, files, warnings, clock, timings, cancellationToken);
        return Result(plan, figures, files, warnings, timings);
    }

    /// <summary>Reads the run, lays out the pack and applies disclosure control: everything but the writing.</summary>
    internal static (PackPlan Plan, PublishedFigures Figures, PackPaths Paths, DateTimeOffset Now) Prepare(
        DuckDbConnection warehouse, string runId, PackOptions options, TimeProvider clock, CancellationToken cancellationToken,
        List<PackStageTiming>? timings = null, Action<PackPaths>? beforePublishing = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        timings ??= [];
        var now = clock.GetUtcNow();
        var data = Timed(clock, timings, "read", () =>
        {
            var read = PackDataReader.Read(warehouse, runId, cancellationToken);
            return read with { AuditFindings = AuditPackFindings.Read(warehouse, read.Run.Partnership, read.Run.Period) };
        });
        var paths = PackPaths.For(options, data.Run.Partnership, data.Run.Period);
        beforePublishing?.Invoke(paths);
        var plan = Timed(clock, timings, "plan", () => PackPlanner.Plan(data, PreviousPack.Read(paths.PreviousTidy(options, data.Run.Period)), options.DeclareRelations));
        cancellationToken.ThrowIfCancellationRequested();
        var published = Timed(clock, timings, "disclosure control", () => DisclosureControl.Apply(plan.Request, options.Disclosure.ToAnalytics()));
        return (plan, new PublishedFigures(plan.Book, published), paths, now);
    }

    /// <summary>
    /// Deletes the temporary files a pack killed part-way left in this month's folders (a killed
    /// writer cannot clean up after itself). Only one pack of a warehouse writes at a time – it holds
    /// the warehouse – so none of them can belong to a writer still at work.
    /// </summary>
    private static void RemoveLeftovers(PackPaths paths, bool restricted)
    {
        AtomicFile.RemoveLeftovers(paths.Folder);
        if (restricted) AtomicFile.RemoveLeftovers(paths.RestrictedMonthFolder);
    }

    private static void WriteChartsAndBriefings(
        PackPlan plan, PublishedFigures figures, PackPaths paths, PackOptions options, DateTimeOffset now,
        List<PackFile> files, List<string> warnings, TimeProvider clock, List<PackStageTiming> timings, CancellationToken cancellationToken)
    {
        var charts = Timed(clock, timings, "charts (SVG)", () => PackCharts.Build(plan, figures));
        long start = clock.GetTimestamp();

        // PNGs render in parallel (librsvg 2.5x: separate handles are safe on separate threads); files are written in order.
        var rendered = new PngRenderResult?[charts.Count];
        if (options.RenderPng)
        {
            Parallel.For(0, charts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rendered[i] = SvgPngRenderer.Render(charts[i].Svg));
        }

        for (int i = 0; i < charts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chart = charts[i];
            var svg = Path.Combine(paths.ChartFolder, chart.Name + ".svg");
            AtomicFile.Write(svg, OutputFileOptions.Default, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(chart.Svg)), cancellationToken);
            files.Add(new PackFile(svg, PackFileKind.Publishable, $"chart (SVG): {chart.Title}"));
            if (rendered[i] is { Png: { } png })
            {
                var path = Path.Combine(paths.ChartFolder, chart.Name + ".png");
                AtomicFile.Write(path, OutputFileOptions.Default, stream => stream.Write(png), cancellationToken);
                files.Add(new PackFile(path, PackFileKind.Publishable, $"chart (PNG): {chart.Title}"));
            }
            else if (rendered[i] is { } failed)
            {
                warnings.Add($"No PNG for {chart.Name}: {failed.FailureReason}");
            }
        }

        timings.Add(new PackStageTiming("charts (files)", clock.GetElapsedTime(start)));
        start = clock.GetTimestamp();
        foreach (var locality in plan.Data.Localities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var html = LocalityBriefing.Build(plan, figures, charts, locality.Code, options, now);
            var path = paths.Briefing(locality.Code);
            AtomicFile.Write(path, OutputFileOptions.Default, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(html)), cancellationToken);
            files.Add(new PackFile(path, PackFileKind.Publishable, $"briefing: {locality.Name}"));
        }

        timings.Add(new PackStageTiming("briefings", clock.GetElapsedTime(start)));
    }

    private static T Timed<T>(TimeProvider clock, List<PackStageTiming> timings, string stage, Func<T> work)
    {
        long start = clock.GetTimestamp();
        var result = work();
        timings.Add(new PackStageTiming(stage, clock.GetElapsedTime(start)));
        return result;
    }

    private static void Timed(TimeProvider clock, List<PackStageTiming> timings, string stage, Action work) =>
        Timed(clock, timings, stage, () =>
        {
            work();
            return true;
        });

    private static PackResult Result(PackPlan plan, PublishedFigures figures, List<PackFile> files, List<string> warnings, List<PackStageTiming> timings) =>
        new(plan.Data.Run.Partnership, Labels.MonthCode(plan.Data.Run.Period), plan.Data.Run.RunId, files)
        {
            PrimarySuppressed = figures.PrimarySuppressed,
            SecondarySuppressed = figures.SecondarySuppressed,
            LowReliability = figures.LowReliability,
            Published = figures.Published,
            Warnings = [.. warnings, .. plan.Book.SkippedRelations.Select(r => "Relation left out of disclosure control: " + r)],
            Timings = timings,
        };
}
