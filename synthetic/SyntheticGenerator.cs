using System.Globalization;
using Warehouse.Frameworks;
using Warehouse.Synthetic.Generation;
using Warehouse.Synthetic.Manifest;

namespace Warehouse.Synthetic;

/// <summary>
/// Writes realistic synthetic source files for the partnerships – front-door consultations, Annex A returns and the
/// reference data – into an inbox, with a manifest of what was planted. The library behind <c>warehouse generate</c>.
/// </summary>
/// <remarks>
/// The same seed and options give byte-identical files. Everything is streamed: a run of ten million consultations
/// keeps a few bytes per child in memory, spills Annex A rows to a temporary folder until their month's return is
/// written, and writes one return per month (one CSV per list when a list is too long for a sheet). Partnerships are
/// generated in parallel, each from its own random streams.
/// </remarks>
public static class SyntheticGenerator
{
    /// <summary>Generates the data the options describe.</summary>
    /// <param name="options">What to generate and where.</param>
    /// <param name="progress">Told after each month of each partnership (from worker threads).</param>
    /// <param name="cancellationToken">Stops the run between rows; files already written stay.</param>
    /// <returns>Every file written and the manifest.</returns>
    /// <exception cref="ArgumentException">An option is out of range or names an unknown partnership.</exception>
    /// <exception cref="InvalidOperationException">The output folder already holds a partnership's files or a manifest.</exception>
    public static GeneratedData Generate(GeneratorOptions options, IProgress<GeneratorProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var catalog = options.FrameworksDirectory is null ? FrameworkCatalog.LoadEmbedded() : FrameworkCatalog.LoadFrom(options.FrameworksDirectory);
        var reference = options.FrameworksDirectory is null ? ReferenceData.LoadEmbedded() : ReferenceData.LoadFrom(options.FrameworksDirectory);
        var partnerships = Partnerships(options, catalog, reference);

        var rangeStart = new DateOnly(options.Start.Year, options.Start.Month, 1);
        var rangeEnd = rangeStart.AddMonths(options.Months).AddDays(-1);
        var today = options.Today ?? rangeEnd;
        if (today < rangeStart)
        {
            throw new ArgumentException($"Today ({today:yyyy-MM-dd}) is before the first month ({rangeStart:yyyy-MM}).", nameof(options));
        }

        var cutoff = today < rangeEnd ? today : rangeEnd;
        foreach (var partnership in partnerships)
        {
            // A consultation is judged under the version in force on its date: a span with none cannot hold one.
            if (!catalog.Get(partnership).Versions.Any(v => v.EffectiveFrom <= cutoff && (v.EffectiveTo ?? DateOnly.MaxValue) >= rangeStart))
            {
                throw new ArgumentException($"No {partnership} framework version is in force between {rangeStart:yyyy-MM-dd} and {cutoff:yyyy-MM-dd}.", nameof(options));
            }
        }

        var output = Path.GetFullPath(options.OutputFolder);
        var manifestPath = Path.Combine(output, "manifest.json");
        CheckOutput(output, manifestPath, partnerships);
        if (options.AnswerKeyFolder is { } answers)
        {
            CheckOutput(Path.GetFullPath(answers), Path.Combine(Path.GetFullPath(answers), "manifest.json"), partnerships);
        }
        Directory.CreateDirectory(output);

        var spillRoot = Directory.CreateTempSubdirectory("warehouse-synthetic-").FullName;
        var results = new PartnershipResult[partnerships.Count];
        try
        {
            var settings = new RunSettings(options with { OutputFolder = output }, rangeStart, rangeEnd, today, cutoff, catalog, reference, spillRoot);
            Parallel.For(
                0,
                partnerships.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(Environment.ProcessorCount, partnerships.Count)), CancellationToken = cancellationToken },
                i => results[i] = new PartnershipGenerator(settings, partnerships[i]).Run(progress, cancellationToken));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            // One partnership failed: throw its exception, not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
            throw;
        }
        finally
        {
            try
            {
                Directory.Delete(spillRoot, recursive: true);
            }
            catch (IOException)
            {
                // The temporary folder is the system's to clear; a finished run does not fail over it.
            }
        }

        var manifest = new GenerationManifest(
            "Synthetic data for testing the partnership analytics warehouse: every child, identifier, date and name is made up. " +
            "No record describes a real child, family or worker. 'planted' names the inconsistencies put in on purpose; " +
            "'realised' gives the recommended -> actual counts the files produce under the source data contract.",
            "Warehouse.Synthetic format 1",
            options.Seed,
            new ManifestOptions(
                partnerships,
                rangeStart.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                options.Months,
                today,
                options.ConsultationsPerPartnership,
                options.PlantInconsistencies,
                options.RecordedActualShare,
                options.AnnexAFormat switch
                {
                    AnnexAFormat.Xlsx => "xlsx",
                    AnnexAFormat.CsvPerList => "csv_per_list",
                    _ => "auto",
                },
                options.ExcelRowLimit,
                options.Messy,
                Draws.WindowDays),
            [.. results.Select(r => r.Manifest)]);
        ManifestWriter.Write(manifestPath, manifest);

        var files = results.SelectMany(r => r.Files).ToList();
        files.Add(new GeneratedFile(null, manifestPath, GeneratedFileKind.Manifest, 0, new FileInfo(manifestPath).Length));
        return new GeneratedData(output, manifestPath, manifest, files);
    }

    private static void Validate(GeneratorOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputFolder, nameof(options));
        if (options.Months is < 1 or > 120)
        {
            throw new ArgumentException($"Months must be 1 to 120 (was {options.Months}).", nameof(options));
        }

        if (options.ConsultationsPerPartnership is < 100 or > 10_000_000)
        {
            throw new ArgumentException($"ConsultationsPerPartnership must be 100 to 10,000,000 (was {options.ConsultationsPerPartnership}).", nameof(options));
        }

        if (options.RecordedActualShare is < 0 or > 1 || double.IsNaN(options.RecordedActualShare))
        {
            throw new ArgumentException($"RecordedActualShare must be between 0 and 1 (was {options.RecordedActualShare}).", nameof(options));
        }

        if (options.ExcelRowLimit is < 1 or > GeneratorOptions.ExcelMaxDataRows)
        {
            throw new ArgumentException($"ExcelRowLimit must be 1 to {GeneratorOptions.ExcelMaxDataRows} (was {options.ExcelRowLimit}).", nameof(options));
        }

        if (options.Start.Year < 2000)
        {
            throw new ArgumentException("The contract refuses consultations before 2000-01-01.", nameof(options));
        }
    }

    private static List<string> Partnerships(GeneratorOptions options, FrameworkCatalog catalog, ReferenceDataSet reference)
    {
        var asked = options.Partnerships is { Count: > 0 } list ? list : catalog.Partnerships;
        var result = new List<string>();
        foreach (var code in asked)
        {
            if (!catalog.TryGet(code, out var frameworks))
            {
                throw new ArgumentException($"Unknown partnership '{code}' (known: {string.Join(", ", catalog.Partnerships)}).", nameof(options));
            }

            if (!reference.Partnerships.Contains(frameworks.Partnership, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Partnership '{code}' has no localities.", nameof(options));
            }

            if (!result.Contains(frameworks.Partnership, StringComparer.Ordinal))
            {
                result.Add(frameworks.Partnership);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static void CheckOutput(string output, string manifestPath, List<string> partnerships)
    {
        if (File.Exists(manifestPath))
        {
            throw new InvalidOperationException($"'{manifestPath}' already exists: generate into an empty folder.");
        }

        foreach (var partnership in partnerships)
        {
            var folder = Path.Combine(output, partnership);
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                throw new InvalidOperationException($"'{folder}' already holds files: generate into an empty folder.");
            }
        }
    }
}
