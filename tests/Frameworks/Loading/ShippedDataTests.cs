using System.Reflection;

namespace Warehouse.Frameworks.Tests;

/// <summary>The shipped data reaches users both ways: embedded, and as files beside the binaries; the two are the same.</summary>
public sealed class ShippedDataTests
{
    [Fact]
    public void EveryShippedFile_IsAlsoEmbedded_WithTheSameText()
    {
        var files = Directory.EnumerateFiles(FrameworkCatalog.ShippedDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
            .ToList();
        var assembly = typeof(Framework).Assembly;

        Assert.Equal(7, files.Count);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(FrameworkCatalog.ShippedDirectory, file).Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream("Warehouse.Frameworks.data/" + relative);
            Assert.True(stream is not null, $"{relative} is not embedded");
            using var reader = new StreamReader(stream);
            Assert.Equal(File.ReadAllText(file), reader.ReadToEnd());
        }
    }

    [Fact]
    public void LoadingFromTheShippedDirectory_GivesWhatTheEmbeddedCopyGives()
    {
        var fromFiles = FrameworkCatalog.LoadFrom(FrameworkCatalog.ShippedDirectory);
        var embedded = ShippedFiles.Catalog;

        Assert.Equal(embedded.Partnerships, fromFiles.Partnerships);
        foreach (var partnership in embedded.Partnerships)
        {
            Assert.Equal(
                embedded.Get(partnership).Latest.Indicators.Select(i => (i.Code, i.Text)),
                fromFiles.Get(partnership).Latest.Indicators.Select(i => (i.Code, i.Text)));
        }

        Assert.StartsWith("embedded:", embedded.Get("warwickshire").Latest.SourceFile, StringComparison.Ordinal);
        Assert.True(File.Exists(fromFiles.Get("warwickshire").Latest.SourceFile));
        Assert.Equal(ShippedFiles.Reference.Agencies, ReferenceData.LoadFrom(FrameworkCatalog.ShippedDirectory).Agencies);
    }

    [Fact]
    public void LoadFrom_AMissingDirectory_SaysSo()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-frameworks-" + Guid.NewGuid().ToString("N"));

        Assert.Throws<DirectoryNotFoundException>(() => FrameworkCatalog.LoadFrom(missing));
        Assert.Throws<DirectoryNotFoundException>(() => ReferenceData.LoadFrom(missing));
    }

    [Fact]
    public void PublicTypes_AreTheFrameworkApiOnly()
    {
        var publicTypes = typeof(Framework).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();

        Assert.DoesNotContain("FrameworkReader", publicTypes);
        Assert.DoesNotContain("EngineTable", publicTypes);
        Assert.DoesNotContain("CsvTable", publicTypes);
        Assert.Contains("LevelEngine", publicTypes);
        Assert.Contains("FrameworkCatalog", publicTypes);
        Assert.True(typeof(Framework).GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length == 0);
    }
}
