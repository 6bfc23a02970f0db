using Warehouse.Reports.Charts;
using Warehouse.Reports.Tests.Support;

namespace Warehouse.Reports.Tests.Charts;

public sealed class PngRendererTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [LibrsvgFact]
    public void EveryChart_RendersToAPrintResolutionPng()
    {
        foreach (var (name, svg) in SampleCharts.All())
        {
            var result = SvgPngRenderer.Render(svg, scale: 2);

            Assert.True(result.Succeeded, result.FailureReason);
            Assert.Equal(PngSignature, result.Png![..8]);
            // IHDR width and height, big-endian, at bytes 16-23: twice the 960x600 SVG.
            Assert.Equal(1920, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(result.Png.AsSpan(16)));
            Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(result.Png.AsSpan(20)));
            ChartOutput.Keep(name + ".png", result.Png);
        }
    }

    [LibrsvgFact]
    public void BrokenSvg_GivesAReason_NotAnException()
    {
        var result = SvgPngRenderer.Render("<svg xmlns='http://www.w3.org/2000/svg'><unclosed></svg>");

        Assert.False(result.Succeeded);
        Assert.Null(result.Png);
        Assert.StartsWith("librsvg could not", result.FailureReason, StringComparison.Ordinal);
    }

    [LibrsvgFact]
    public void WriteFiles_WritesSvgAndPng()
    {
        var svg = SampleCharts.All().First().Svg;

        var result = SvgPngRenderer.WriteFiles(svg, _temp.File("bar.svg"), _temp.File("bar.png"));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(svg, File.ReadAllText(_temp.File("bar.svg")));
        Assert.Equal(result.Png, File.ReadAllBytes(_temp.File("bar.png")));
    }

    [Fact]
    public void Render_NeverThrows_ForUnrenderableInput()
    {
        // Whether or not librsvg is installed, the answer is a result, not an exception.
        var result = SvgPngRenderer.Render("not svg at all");

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
    }
}
