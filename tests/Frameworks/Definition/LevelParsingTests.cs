namespace Warehouse.Frameworks.Tests;

public sealed class LevelParsingTests
{
    [Theory]
    [InlineData("immediate_protection", 4)]
    [InlineData("IMMEDIATE_PROTECTION", 4)]
    [InlineData("4", 4)]
    [InlineData(" 4 ", 4)]
    [InlineData("Level 4", 4)]
    [InlineData("level4", 4)]
    [InlineData("Immediate protection", 4)]
    [InlineData("Family Help – immediate support (Child Protection)", 4)]
    [InlineData("family help - immediate support (child protection)", 4)]
    [InlineData("Family Help – immediate protection", 4)]
    [InlineData("Family Help-immediate protection", 4)]
    [InlineData("Family Help — immediate protection", 4)]
    [InlineData("FAMILY\u00A0HELP \u2013  IMMEDIATE PROTECTION", 4)]
    [InlineData("family_help", 3)]
    [InlineData("Family Help", 3)]
    [InlineData("Level 3", 3)]
    [InlineData("early_support", 2)]
    [InlineData("  Early   Support ", 2)]
    [InlineData("early support", 2)]
    [InlineData("Universal", 1)]
    [InlineData("1", 1)]
    public void Warwickshire_ParsesCodesNumbersAndEveryName(string text, int expected)
    {
        var result = ShippedFiles.Warwickshire.ParseLevel(text);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Number);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("level_3", 3)]
    [InlineData("Level Three", 3)]
    [InlineData("LEVEL THREE", 3)]
    [InlineData("Targeted Support", 3)]
    [InlineData("Threshold to work with partners as Targeted Support", 3)]
    [InlineData("Level One", 1)]
    [InlineData("Universal Services", 1)]
    [InlineData("Additional Support", 2)]
    [InlineData("Criteria for Statutory Social Work Intervention", 4)]
    [InlineData("4", 4)]
    [InlineData("Level 4", 4)]
    public void Worcestershire_ParsesCodesNumbersAndEveryName(string text, int expected)
    {
        var result = ShippedFiles.Worcestershire.ParseLevel(text);

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(expected, result.Number);
    }

    [Theory]
    [InlineData("Child protection")]
    [InlineData("Thriving")]
    [InlineData("Targeted")]
    [InlineData("getting more help")]
    [InlineData("Early help")]
    public void Warwickshire_RefusesDescribeNeedPhrases_AndSaysWhy(string text)
    {
        var result = ShippedFiles.Warwickshire.ParseLevel(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(0, result.Number);
        Assert.Contains("Language we may use to describe need", result.Error, StringComparison.Ordinal);
        Assert.Contains("display and search only", result.Error, StringComparison.Ordinal);
        Assert.Contains(text.Trim(), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Worcestershire_RefusesEarlyHelp_AsATermForTwoLevels()
    {
        var result = ShippedFiles.Worcestershire.ParseLevel("early help");

        Assert.False(result.IsSuccess);
        Assert.Contains("level_2 and level_3", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("Level 5")]
    [InlineData("Specialist services")]
    [InlineData("Level 1a")]
    public void Warwickshire_RefusesWhatIsNotALevel(string text)
    {
        var result = ShippedFiles.Warwickshire.ParseLevel(text);

        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Error);
        Assert.Contains(text, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseLevel_RefusesBlank(string? text)
    {
        var result = ShippedFiles.Warwickshire.ParseLevel(text);

        Assert.False(result.IsSuccess);
        Assert.Equal("the level is blank", result.Error);
    }

    [Theory]
    [InlineData("Family Help – immediate protection", "family help-immediate protection")]
    [InlineData("  Early_Support\t", "early support")]
    [InlineData("A \u2014 b", "a-b")]
    [InlineData("Child\u2019s needs", "child's needs")]
    public void LevelText_NormalisesCaseSpacesAndDashes(string text, string expected)
    {
        Assert.Equal(expected, LevelText.Normalise(text));
    }
}
