using System.Text.RegularExpressions;

namespace Warehouse.Frameworks.Tests;

/// <summary>
/// An independent reading of the Warwickshire seed's indicator bullets, written from the document, not from the
/// framework file: the sections are the "Indicators of possible need" headings (one is spelled "Indicator of
/// possible need - Family Help"); inside a section a short line after a blank line is a domain heading, a line
/// starting (after optional spaces) with "- " is a bullet, and a non-blank line straight after a bullet continues
/// it (joined with one space). The "Pathway to Change Tool" section has no bullets and is not a level.
/// </summary>
internal static partial class WarwickshireSeed
{
    public const string File = "warwickshire-spectrum-of-support.txt";

    public static readonly IReadOnlyDictionary<string, string> HeadingLevels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Universal"] = "universal",
        ["Early Support"] = "early_support",
        ["Family Help"] = "family_help",
        ["Family Help – immediate protection"] = "immediate_protection",
    };

    public static IReadOnlyList<SeedBullet> Bullets()
    {
        var lines = SharedSeeds.Lines(File);
        var bullets = new List<SeedBullet>();
        string? level = null;
        string? domain = null;
        var previousWasBullet = false;
        var previousBlank = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heading = Heading().Match(line.Trim());
            if (heading.Success)
            {
                level = HeadingLevels.GetValueOrDefault(heading.Groups["rest"].Value.Trim());
                domain = null;
                previousWasBullet = false;
                previousBlank = true;
                continue;
            }

            if (line.Trim() == "Warwickshire Family Information Service")
            {
                level = null;
            }

            if (level is null)
            {
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                bullets.Add(new SeedBullet(level, domain, SharedSeeds.Normalise(bullet.Groups["text"].Value), i + 1));
                previousWasBullet = true;
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                previousWasBullet = false;
                previousBlank = true;
                continue;
            }
            else if (previousWasBullet)
            {
                var last = bullets[^1];
                bullets[^1] = last with { Text = SharedSeeds.Normalise(last.Text + " " + line) };
            }
            else if (previousBlank && line.Trim().Length < 50 && !line.TrimEnd().EndsWith('.'))
            {
                domain = line.Trim();
            }

            previousBlank = false;
        }

        return bullets;
    }

    [GeneratedRegex(@"^Indicators? of possible need\s*[-–]\s*(?<rest>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*- (?<text>.*)$")]
    private static partial Regex Bullet();
}
