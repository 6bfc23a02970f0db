using Warehouse.Reports.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// One monthly output built from the shared warehouse into a temporary folder (publishable and
/// restricted side by side, as the app's defaults put them), shared by the tests of a class.
/// </summary>
public sealed class PackOutput : IDisposable
{
    private readonly TempFolder _temp = new();

    public PackOutput()
    {
        Warehouse = new PackWarehouse();
        Options = OptionsFor(_temp.Path);
        Result = PackBuilder.Build(Warehouse.Connection, Warehouse.RunId, Options, FixedClock.Default);
        (Plan, _, _, _) = PackBuilder.Prepare(Warehouse.Connection, Warehouse.RunId, Options, FixedClock.Default, CancellationToken.None);
    }

    /// <summary>The pack's layout before disclosure control (the same as the one the build used: the input is the same).</summary>
    internal Warehouse.Reports.Packs.Monthly.PackPlan Plan { get; }

    public PackWarehouse Warehouse { get; }

    public PackOptions Options { get; }

    public PackResult Result { get; }

    public string Root => _temp.Path;

    public string Folder => Path.Combine(Options.OutputFolder, PackWarehouse.Partnership, "2026-10");

    public string Workbook => Path.Combine(Folder, "pack-warwickshire-2026-10.xlsx");

    public string QaWorkbook => Path.Combine(Options.RestrictedFolder, PackWarehouse.Partnership, "2026-10", "qa-warwickshire-2026-10.xlsx");

    public IEnumerable<string> Publishable => Result.Files.Where(f => f.Kind == PackFileKind.Publishable).Select(f => f.Path);

    public static PackOptions OptionsFor(string root, bool inlineStrings = true) => new()
    {
        OutputFolder = Path.Combine(root, "out"),
        RestrictedFolder = Path.Combine(root, "out", "restricted"),
        CommentaryFolder = Path.Combine(root, "commentary"),
        Publisher = "Warwickshire Safeguarding Children Partnership",
        Contact = "performance@example.invalid",
        SoftwareVersion = "1.0.0-test",
        InlineStrings = inlineStrings,
    };

    public void Dispose()
    {
        // To look at an output by hand: WAREHOUSE_KEEP_PACK=/some/folder dotnet test ...
        if (Environment.GetEnvironmentVariable("WAREHOUSE_KEEP_PACK") is { Length: > 0 } keep)
        {
            foreach (var file in Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(keep, Path.GetRelativePath(_temp.Path, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }

        Warehouse.Dispose();
        _temp.Dispose();
    }
}
