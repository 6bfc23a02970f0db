using System.Text;

namespace Warehouse.Frameworks;

/// <summary>Frameworks and reference data in a directory on disk (the user's own, or the copy beside the binaries).</summary>
internal sealed class DirectoryDataSource : DataSource
{
    private readonly string root;

    public DirectoryDataSource(string directory)
    {
        root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The frameworks directory '{root}' does not exist.");
        }
    }

    public override IReadOnlyList<string> Folders() =>
        [.. Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != CommonFolder && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)];

    public override IReadOnlyList<string> FileNames(string folder)
    {
        var path = Path.Combine(root, folder);
        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    public override bool Exists(string path) => File.Exists(Full(path));

    public override string ReadAllText(string path) => File.ReadAllText(Full(path), Encoding.UTF8);

    public override string Describe(string path) => Full(path);

    private string Full(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));
}
