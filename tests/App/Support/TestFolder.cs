namespace Warehouse.App.Tests.Support;

/// <summary>A temporary folder for one test, deleted afterwards.</summary>
public sealed class TestFolder : IDisposable
{
    public TestFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "warehouse-app-" + Guid.NewGuid().ToString("N"));

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).Prepend(Root))
        {
            // Owner-only folders are still ours to delete; make sure nothing blocks it.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(Root, recursive: true);
    }
}
