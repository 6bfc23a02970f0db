using System.Text.RegularExpressions;

namespace Warehouse.Frameworks.Tests;

/// <summary>
/// An independent reading of Appendix 1 of the Worcestershire seed: after "LEVEL ONE" … "LEVEL FOUR", every "■"
/// starts an item that runs to the next "■", HTML tag or end of line; "&lt;p&gt;Label&lt;/p&gt;" and the
/// tab-separated text before a cell's list are labels, and the last label seen is the item's printed domain (the
/// upper-case area names are not domains). Whitespace is normalised as the framework file says.
/// </summary>
internal static partial class WorcestershireSeed
{
    public const string File = "worcestershire-levels-of-need-2019.txt";

    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        ["ONE"] = "level_1",
        ["TWO"] = "level_2",
        ["THREE"] = "level_3",
        ["FOUR"] = "level_4",
    };

    public static IReadOnlyList<SeedBullet> Items()
    {
        var lines = SharedSeeds.Lines(File);
        var start = Array.FindIndex(lines, l => l.Trim() == "Appendix 1 - Levels of Need Examples");
        var end = Array.FindIndex(lines, start + 1, l => l.Trim() == "Appendix 2 - Safeguarding Children's Social Care Pathway");
        Assert.True(start > 0 && end > start, "Appendix 1 not found in the Worcestershire seed");

        var items = new List<SeedBullet>();
        string? level = null;
        string? label = null;
        for (var i = start + 1; i < end; i++)
        {
            var heading = LevelHeading().Match(lines[i]);
            if (heading.Success)
            {
                level = Levels[heading.Groups["n"].Value];
                label = null;
                continue;
            }

            if (level is null)
            {
                continue;
            }

            var afterBullet = false;
            foreach (Match token in Token().Matches(lines[i]))
            {
                if (token.Groups["label"].Success)
                {
                    label = SharedSeeds.Normalise(token.Groups["label"].Value);
                    afterBullet = false;
                }
                else if (token.Value == "■")
                {
                    items.Add(new SeedBullet(level, label, string.Empty, i + 1));
                    afterBullet = true;
                }
                else if (token.Value.StartsWith('<'))
                {
                    afterBullet = false;
                }
                else if (afterBullet)
                {
                    items[^1] = items[^1] with { Text = SharedSeeds.Normalise(token.Value) };
                    afterBullet = false;
                }
                else
                {
                    foreach (var part in token.Value.Split('\t').Select(SharedSeeds.Normalise).Where(p => p.Length > 0))
                    {
                        if (!IsArea(part))
                        {
                            label = part;
                        }
                    }
                }
            }
        }

        return items;
    }

    private static bool IsArea(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    [GeneratedRegex("^LEVEL (?<n>ONE|TWO|THREE|FOUR) ")]
    private static partial Regex LevelHeading();

    [GeneratedRegex("<p>(?<label>.*?)</p>|<[^>]+>|■|[^<■]+")]
    private static partial Regex Token();
}
