namespace Warehouse.Etl.Tests.Support;

/// <summary>Finds the project's shared/ folder (beside the repository: X/main and X/shared).</summary>
public static class SharedFolder
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "fixtures"))) return System.IO.Path.Combine([candidate, .. parts]);
        }
        throw new DirectoryNotFoundException("No shared/ folder with fixtures above " + AppContext.BaseDirectory);
    }
}
