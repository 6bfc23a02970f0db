using Warehouse.Reports.Charts;

namespace Warehouse.Reports.Tests.Charts;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(0, 1, 5, new[] { 0, 0.25, 0.5, 0.75, 1 })]
    [InlineData(0, 1305, 5, new double[] { 0, 500, 1000, 1500 })]
    [InlineData(0.61, 0.73, 5, new[] { 0.6, 0.65, 0.7, 0.75 })]
    [InlineData(-0.031, 0.612, 5, new[] { -0.2, 0, 0.2, 0.4, 0.6, 0.8 })]
    public void Nice_GivesRoundTicksCoveringTheData(double min, double max, int count, double[] expected)
    {
        var scale = LinearScale.Nice(min, max, 0, 100, count);

        Assert.Equal(expected, scale.Ticks);
        Assert.True(scale.DomainMin <= min && scale.DomainMax >= max);
    }

    [Fact]
    public void Nice_RandomRanges_AlwaysCoverTheData_WithFewRoundTicks()
    {
        var random = new Random(20250623);
        for (var i = 0; i < 2000; i++)
        {
            var a = (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-3, 6));
            var b = a + (random.NextDouble() * Math.Pow(10, random.Next(-3, 6)));
            var scale = LinearScale.Nice(a, b, 0, 500);

            Assert.True(scale.DomainMin <= a && scale.DomainMax >= b, $"[{a}, {b}] not covered by [{scale.DomainMin}, {scale.DomainMax}]");
            Assert.InRange(scale.Ticks.Count, 2, 12);
            Assert.Equal(scale.DomainMin, scale.Ticks[0]);
            Assert.Equal(scale.DomainMax, scale.Ticks[^1], 9);
        }
    }

    [Fact]
    public void Map_IsLinear_AndCanRunUpwards()
    {
        var scale = LinearScale.Nice(0, 1, 500, 100);

        Assert.Equal(500, scale.Map(0));
        Assert.Equal(100, scale.Map(1));
        Assert.Equal(300, scale.Map(0.5));
    }

    [Fact]
    public void Band_SpacesCategoriesEvenly()
    {
        var band = new BandScale(4, 0, 400, PaddingInner: 0, PaddingOuter: 0);

        Assert.Equal(100, band.Step);
        Assert.Equal(50, band.Center(0));
        Assert.Equal(350, band.Center(3));
    }

    [Theory]
    [InlineData(0.684, "68.4%")]
    [InlineData(-0.0004, "0.0%")]
    [InlineData(1, "100.0%")]
    public void Percent_FormatsToOneDecimal(double value, string expected) => Assert.Equal(expected, ValueFormat.Percent1.Format(value));

    [Fact]
    public void TextColour_KeepsContrastOnThePalette()
    {
        Assert.Equal("#FFFFFF", Palette.TextOn("#12436D"));
        Assert.Equal("#FFFFFF", Palette.TextOn("#801650"));
        Assert.Equal(Palette.Text, Palette.TextOn("#6BACE6"));
        Assert.Equal(Palette.Text, Palette.TextOn("#FFFFFF"));
    }
}
