namespace Warehouse.App.Tests.Support;

/// <summary>The repository the tests were built from.</summary>
internal static class Repository
{
    internal static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Warehouse.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("The tests are not running inside the repository.");
    }
}
