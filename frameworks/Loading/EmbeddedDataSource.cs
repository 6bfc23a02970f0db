using System.Reflection;
using System.Text;

namespace Warehouse.Frameworks;

/// <summary>The frameworks and reference data shipped inside this assembly (built from <c>frameworks/data/</c>).</summary>
internal sealed class EmbeddedDataSource : DataSource
{
    private const string Prefix = "Warehouse.Frameworks.data/";

    private static readonly Assembly Assembly = typeof(EmbeddedDataSource).Assembly;

    private readonly Dictionary<string, string> resources;

    public EmbeddedDataSource()
    {
        // Logical names carry %(RecursiveDir), which uses the build machine's separator.
        resources = Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(name => name[Prefix.Length..].Replace('\\', '/'), name => name, StringComparer.Ordinal);
    }

    public override IReadOnlyList<string> Folders() =>
        [.. resources.Keys
            .Where(path => path.Contains('/', StringComparison.Ordinal))
            .Select(path => path[..path.IndexOf('/', StringComparison.Ordinal)])
            .Where(folder => folder != CommonFolder)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    public override IReadOnlyList<string> FileNames(string folder) =>
        [.. resources.Keys
            .Where(path => path.StartsWith(folder + "/", StringComparison.Ordinal) && path.IndexOf('/', folder.Length + 1) < 0)
            .Select(path => path[(folder.Length + 1)..])
            .Order(StringComparer.Ordinal)];

    public override bool Exists(string path) => resources.ContainsKey(path);

    public override string ReadAllText(string path)
    {
        using var stream = Assembly.GetManifestResourceStream(resources[path])
            ?? throw new FileNotFoundException($"The embedded resource for '{path}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public override string Describe(string path) => "embedded:" + path;
}
