using System.Reflection;

namespace Warehouse.Reports.Tests.Support;

/// <summary>
/// Golden files: checked-in expected outputs under tests/Reports/Golden, reviewed like code.
/// Run the tests with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void Verify(string name, string actual)
    {
        var path = System.IO.Path.Combine(Folder(), name);
        actual = actual.ReplaceLineEndings("\n");
        if (!actual.EndsWith('\n'))
        {
            actual += "\n";
        }

        if (Updating)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var actualPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "warehouse-golden-actual", name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(actualPath)!);
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"{name} differs from its golden file {path}. Actual output: {actualPath}. If the change is intended, run with UPDATE_GOLDEN=1 and review the diff. First difference at character {FirstDifference(expected, actual)}.");
        }
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    /// <summary>
    /// tests/Reports/Golden in the checkout, so the checked-in copy is the one compared and updated. The project
    /// folder is recorded in the test assembly at build time: a CI build maps source paths to /_/, so the
    /// caller's file path cannot be used.
    /// </summary>
    private static string Folder()
    {
        var project = typeof(Golden).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TestProjectDirectory")?.Value
            ?? throw new InvalidOperationException("The test assembly does not record its project folder (AssemblyMetadata TestProjectDirectory).");
        return System.IO.Path.Combine(project, "Golden");
    }
}
