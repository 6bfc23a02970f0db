using System.Reflection;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Runs;

/// <summary>The checks' SQL files, shipped as embedded resources beside the code that runs them.</summary>
internal static class SqlScripts
{
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;

    /// <summary>
    /// The script at <paramref name="path"/>, relative to the project folder with '/' separators,
    /// e.g. <c>Runs/Sql/scope.sql</c>.
    /// </summary>
    public static string Read(string path)
    {
        var name = ResourceName(path);
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The SQL script '{path}' is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The scripts in a folder, in ordinal order of their file names (number them to order them).</summary>
    public static IReadOnlyList<string> Folder(string folder)
    {
        var prefix = ResourceName(folder.TrimEnd('/') + "/");
        var names = Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)
                        && n.IndexOf('.', prefix.Length) == n.Length - ".sql".Length)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException($"No SQL scripts are embedded under '{folder}'.");
        }

        return names.Select(n => Read(Assembly, n)).ToList();
    }

    /// <summary>Runs a script that takes no parameters (it reads the run's chk_params table).</summary>
    public static void Execute(DuckDbConnection connection, string path) => connection.Execute(Read(path));

    private static string ResourceName(string path) =>
        Assembly.GetName().Name + "." + path.Replace('/', '.');

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
