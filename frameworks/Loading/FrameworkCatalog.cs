using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Warehouse.Frameworks;

/// <summary>
/// Every partnership's framework versions, loaded and validated together. A partnership is a folder holding one
/// <c>framework-*.json</c> file per version (and its reference CSVs); adding a partnership or a version is adding
/// files, never code.
/// </summary>
/// <remarks>
/// Loading checks every file and every partnership's versions together and throws one
/// <see cref="FrameworkValidationException"/> listing every problem, each naming its file and entry.
/// </remarks>
public sealed class FrameworkCatalog
{
    private readonly Dictionary<string, PartnershipFrameworks> partnerships;

    private FrameworkCatalog(Dictionary<string, PartnershipFrameworks> partnerships)
    {
        this.partnerships = partnerships;
        Partnerships = [.. partnerships.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The folder beside the application's binaries where the shipped data is copied: <c>frameworks/data</c>.</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "frameworks", "data");

    /// <summary>The partnership codes, in ordinal order.</summary>
    public IReadOnlyList<string> Partnerships { get; }

    /// <summary>Loads the frameworks shipped inside this assembly (Warwickshire and Worcestershire).</summary>
    /// <exception cref="FrameworkValidationException">A shipped file is not valid (a build defect).</exception>
    public static FrameworkCatalog LoadEmbedded() => Load(new EmbeddedDataSource());

    /// <summary>
    /// Loads every partnership folder of a directory laid out like <c>frameworks/data/</c>: each folder other
    /// than <c>common</c> is a partnership whose <c>framework-*.json</c> files are its versions.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FrameworkValidationException">A file is not valid, or a partnership's versions overlap.</exception>
    public static FrameworkCatalog LoadFrom(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Load(new DirectoryDataSource(directory));
    }

    /// <summary>Whether the catalog has the partnership (case-insensitive).</summary>
    public bool TryGet(string partnership, [NotNullWhen(true)] out PartnershipFrameworks? frameworks)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return partnerships.TryGetValue(partnership.Trim(), out frameworks);
    }

    /// <summary>A partnership's framework versions.</summary>
    /// <exception cref="KeyNotFoundException">The partnership is not in the catalog.</exception>
    public PartnershipFrameworks Get(string partnership) =>
        TryGet(partnership, out var frameworks)
            ? frameworks
            : throw new KeyNotFoundException($"No framework for partnership '{partnership}' (known: {string.Join(", ", Partnerships)}).");

    /// <summary>The partnership's version in force on a date, or null when none is (see <see cref="PartnershipFrameworks.VersionFor"/>).</summary>
    /// <exception cref="KeyNotFoundException">The partnership is not in the catalog.</exception>
    public Framework? VersionFor(string partnership, DateOnly date) => Get(partnership).VersionFor(date);

    internal static FrameworkCatalog Load(DataSource source)
    {
        var errors = new List<FrameworkValidationError>();
        var result = new Dictionary<string, PartnershipFrameworks>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in source.Folders())
        {
            var files = source.FileNames(folder)
                .Where(name => name.StartsWith("framework", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
                .ToList();
            if (files.Count == 0)
            {
                errors.Add(new FrameworkValidationError(source.Describe(folder), "(folder)", "a partnership folder has no framework-*.json file"));
                continue;
            }

            var versions = new List<Framework>();
            foreach (var name in files)
            {
                var path = folder + "/" + name;
                var framework = FrameworkReader.Read(source.Describe(path), source.ReadAllText(path), folder, errors);
                if (framework is not null)
                {
                    versions.Add(framework);
                }
            }

            versions.Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom));
            CheckVersions(versions, errors);
            if (versions.Count > 0)
            {
                result[folder] = new PartnershipFrameworks(folder, versions);
            }
        }

        if (errors.Count > 0)
        {
            throw new FrameworkValidationException(errors);
        }

        return new FrameworkCatalog(result);
    }

    private static void CheckVersions(List<Framework> versions, List<FrameworkValidationError> errors)
    {
        for (var i = 0; i < versions.Count; i++)
        {
            for (var j = i + 1; j < versions.Count; j++)
            {
                var (a, b) = (versions[i], versions[j]);
                if (string.Equals(a.Version, b.Version, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new FrameworkValidationError(b.SourceFile, $"version {b.Version}", $"duplicate version: {a.SourceFile} has it too"));
                }

                // a starts no later than b; they overlap when b starts while a is still in force by its own dates.
                if (b.EffectiveFrom == a.EffectiveFrom || (a.EffectiveTo is { } end && end >= b.EffectiveFrom))
                {
                    errors.Add(new FrameworkValidationError(
                        b.SourceFile,
                        $"version {b.Version}",
                        string.Create(CultureInfo.InvariantCulture, $"effective dates overlap version {a.Version} in {a.SourceFile} ({Span(a)} and {Span(b)}): a date must have one version in force")));
                }
            }
        }
    }

    private static string Span(Framework f) =>
        string.Create(CultureInfo.InvariantCulture, $"{f.EffectiveFrom:yyyy-MM-dd} to {(f.EffectiveTo is { } to ? to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}");
}
