using System.Buffers.Binary;
using Warehouse.Reports.Tests.Packs;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Briefings;

/// <summary>A briefing opened in a real browser: it renders, at A4 width, with nothing on the console.</summary>
[Collection(SharedPack.Name)]
public sealed class BriefingChromiumTests(PackOutput pack)
{
    [RequiresToolFact(HeadlessChromium.Tool, HeadlessChromium.InstallHint)]
    public void Briefing_RendersInChromium_WithoutConsoleErrors()
    {
        using var temp = new TempFolder();
        var screenshot = temp.File("rugby.png");

        var errors = HeadlessChromium.Screenshot(Path.Combine(pack.Folder, "briefings", "RUG.html"), screenshot, temp.File("profile"));

        Assert.Empty(errors);
        var png = File.ReadAllBytes(screenshot);
        Assert.Equal(1240, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(1754, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 50_000, $"the screenshot is only {png.Length} bytes: is the page blank?");
        Charts.ChartOutput.Keep("briefing-RUG-chromium.png", png);
    }

    [RequiresToolFact(HeadlessChromium.Tool, HeadlessChromium.InstallHint)]
    public void ConsoleErrors_AreCaught()
    {
        // The harness must see a failing script, or the test above could never fail.
        using var temp = new TempFolder();
        var page = temp.File("broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html lang=\"en\"><body><p>x</p><script>console.error('broken'); notAFunction();</script></body></html>");

        var errors = HeadlessChromium.Screenshot(page, temp.File("broken.png"), temp.File("profile"));

        Assert.Contains(errors, e => e.Contains("Uncaught", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("broken", StringComparison.Ordinal));
    }
}
