using System.Reflection;
using Warehouse.App.Settings;
using Warehouse.Analytics.Runs;
using Warehouse.App.Commands.Check;
using Warehouse.Reports.Packs;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Commands.Pack;

/// <summary>Pack options from the settings: where outputs go, and the disclosure rules in force.</summary>
internal static class PackServices
{
    /// <summary>The options for one partnership's pack of one month; an analyst's commentary for it is read from <c>&lt;dataFolder&gt;/commentary/&lt;partnership&gt;/&lt;yyyy-MM&gt;/commentary.txt</c>.</summary>
    internal static PackOptions Options(WarehouseSettings settings, string partnership, string month) => new()
    {
        OutputFolder = settings.OutputFolder,
        RestrictedFolder = settings.RestrictedOutputFolder,
        CommentaryFolder = Path.Combine(settings.DataFolder, "commentary", partnership, month),
        Disclosure = PackDisclosureOptions.Default with { Threshold = settings.DisclosureThreshold, MinimumCases = settings.MinimumCases },
        SoftwareVersion = SoftwareVersion,
    };

    internal static string SoftwareVersion { get; } =
        typeof(PackServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs the checks for a partnership's month and builds its pack from that run.</summary>
    internal static PackResult CheckAndBuild(DuckDbConnection warehouse, WarehouseSettings settings, string partnership, string month,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var runId = CheckRunner.Run(warehouse, ChecksTask.Request(settings, partnership, month, null), time, cancellationToken);
        return PackBuilder.Build(warehouse, runId, Options(settings, partnership, month), time, cancellationToken);
    }

    /// <summary>One line per pack: where it is and how many files it wrote.</summary>
    internal static string Describe(PackResult pack)
    {
        var main = pack.Files.FirstOrDefault(f => f.Kind == PackFileKind.Publishable && f.Path.EndsWith(".xlsx", StringComparison.Ordinal));
        var restricted = pack.Files.Count(f => f.Kind == PackFileKind.Restricted);
        return $"{pack.Partnership} {pack.Month}: {main?.Path ?? "(no workbook)"} and {pack.Files.Count - 1} more files ({restricted} restricted)";
    }
}
