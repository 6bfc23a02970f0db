using System.Runtime.CompilerServices;

namespace Warehouse.Reports.Tests.Support;

/// <summary>
/// Golden files: checked-in expected outputs under tests/Reports/Golden, reviewed like code.
/// Run the tests with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = System.IO.Path.Combine(FolderFrom(callerPath), name);
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

    /// <summary>tests/Reports/Golden, found from the calling source file so the checked-in copy is the one compared and updated.</summary>
    private static string FolderFrom(string callerPath)
    {
        var folder = System.IO.Path.GetDirectoryName(callerPath);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder, "Warehouse.Reports.Tests.csproj")))
        {
            folder = System.IO.Path.GetDirectoryName(folder);
        }

        return System.IO.Path.Combine(folder ?? throw new InvalidOperationException($"No test project above {callerPath}."), "Golden");
    }
}
