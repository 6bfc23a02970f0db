namespace Warehouse.Reports.Tests.Charts;

/// <summary>Set KEEP_TEST_OUTPUT to a folder to keep rendered charts and PDFs there for a visual check.</summary>
internal static class ChartOutput
{
    public static void Keep(string name, byte[] content)
    {
        var folder = Environment.GetEnvironmentVariable("KEEP_TEST_OUTPUT");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), content);
    }
}
