using Warehouse.Frameworks;

namespace Warehouse.Synthetic.Reference;

/// <summary>The reference CSVs exactly as the frameworks ship them (or as the user's framework folder has them).</summary>
internal static class ReferenceFiles
{
    private const string Prefix = "Warehouse.Frameworks.data/";

    public static byte[] Read(string? directory, string relativePath)
    {
        if (directory is not null)
        {
            return File.ReadAllBytes(Path.Combine(directory, relativePath));
        }

        var assembly = typeof(FrameworkCatalog).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.Replace('\\', '/') == Prefix + relativePath)
            ?? throw new FileNotFoundException($"The frameworks assembly does not ship '{relativePath}'.");
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The frameworks assembly does not ship '{relativePath}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
