using System.Diagnostics;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Briefings;

/// <summary>Opens a page in headless Chromium, takes an A4-sized screenshot and collects what the page logged to its console.</summary>
public static class HeadlessChromium
{
    public const string Tool = "chromium";

    public const string InstallHint = "apt-get install chromium";

    /// <summary>Screenshot of <paramref name="page"/> at 1240×1754 (A4 at 150 dpi); returns the console lines that are errors.</summary>
    public static IReadOnlyList<string> Screenshot(string page, string screenshot, string profile)
    {
        var start = new ProcessStartInfo(ExternalTool.Find(Tool) ?? Tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=" + profile, "--screenshot=" + screenshot, "--window-size=1240,1754", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start chromium.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 2 minutes.");
        }

        var lines = (output.Result + "\n" + error.Result).Split('\n');
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {string.Join('\n', lines.TakeLast(20))}");
        // Console messages are logged as "...:CONSOLE(line)] "message", source: ..."; an uncaught exception says "Uncaught".
        return lines.Where(l => l.Contains(":CONSOLE(", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("console.error", StringComparison.Ordinal)).ToList();
    }
}
