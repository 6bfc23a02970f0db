using System.Text.RegularExpressions;

namespace Warehouse.Frameworks.Tests;

/// <summary>
/// Finds <c>shared/seeds/</c> by walking up from the test binaries: the repository is at X/main and the shared
/// folder at X/shared, so one of the ancestors has a <c>shared/seeds</c> child. Missing seeds fail the tests.
/// </summary>
internal static partial class SharedSeeds
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Directory => Folder.Value;

    public static string PathOf(string seedFile) => Path.Combine(Directory, seedFile);

    public static string[] Lines(string seedFile) => File.ReadAllLines(PathOf(seedFile));

    /// <summary>The rule the framework files state: trim, and every run of whitespace becomes one space.</summary>
    public static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/seeds folder above {AppContext.BaseDirectory}: the seed documents must sit beside the repository (X/main and X/shared).");
    }
}
