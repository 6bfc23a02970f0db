using System.Text;
using System.Text.Json.Nodes;

namespace Warehouse.Frameworks.Tests;

/// <summary>A scratch directory laid out like frameworks/data, deleted after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "warehouse-frameworks-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A scratch directory holding a copy of the shipped data (the files copied beside the test binaries).</summary>
    public static TempDirectory WithShippedData()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(FrameworkCatalog.ShippedDirectory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(temp.Path, System.IO.Path.GetRelativePath(FrameworkCatalog.ShippedDirectory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }

    public string Write(string relativePath, string text)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text, new UTF8Encoding(false));
        return target;
    }

    public string Write(string relativePath, JsonNode json) => Write(relativePath, json.ToJsonString(ShippedFiles.JsonWriteOptions));

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind is harmless.
        }
    }
}
