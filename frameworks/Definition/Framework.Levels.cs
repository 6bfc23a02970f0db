using System.Collections.Frozen;
using System.Globalization;

namespace Warehouse.Frameworks;

public sealed partial class Framework
{
    private readonly FrozenDictionary<string, Level> levelNames;

    /// <summary>
    /// Reads a level given as text (CONTRACT.md section 1): its code, its number 1–4, "Level N", or any name the
    /// framework lists for it. Case, spacing, underscores and the kind of dash (hyphen, en dash, em dash) do not
    /// matter. A phrase from the document's "language we may use to describe need" list, or a term the document
    /// uses for more than one level, is refused with a message that says why.
    /// </summary>
    public LevelParseResult ParseLevel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new LevelParseResult(null, "the level is blank");
        }

        var key = LevelText.Normalise(text);
        if (levelNames.TryGetValue(key, out var level))
        {
            return new LevelParseResult(level, null);
        }

        var number = LevelText.NumberOf(key);
        if (number is >= 1 and <= 4)
        {
            return new LevelParseResult(Levels[number.Value - 1], null);
        }

        if (number is not null)
        {
            return new LevelParseResult(null, string.Create(
                CultureInfo.InvariantCulture,
                $"'{text.Trim()}' is not a level of the {Partnership} framework: levels are numbered 1 to 4"));
        }

        if (DescribeNeed is not null)
        {
            foreach (var phrase in DescribeNeed.Phrases)
            {
                if (LevelText.Normalise(phrase.Text) == key)
                {
                    return new LevelParseResult(null, string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{text.Trim()}' is a phrase from the {Partnership} \"{DescribeNeed.Where ?? "describe need"}\" list, not a level: several of those phrases could mean more than one level, so they are for display and search only. Give the level's code, number or name, e.g. {Example()}"));
                }
            }
        }

        foreach (var term in AmbiguousTerms)
        {
            if (LevelText.Normalise(term.Text) == key)
            {
                var levels = string.Join(" and ", term.Levels.Select(l => l.Code));
                return new LevelParseResult(null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{text.Trim()}' is used by the {Partnership} document for more than one level ({levels}), so it cannot stand for a level. Give the level's code, number or name, e.g. {Example()}"));
            }
        }

        return new LevelParseResult(null, string.Create(
            CultureInfo.InvariantCulture,
            $"'{text.Trim()}' is not a level of the {Partnership} framework {Version}: give a code ({string.Join(", ", Levels.Select(l => l.Code))}), a number 1-4, or a name the framework lists"));
    }

    private string Example() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Levels[2].Code}, 3 or '{Levels[2].DisplayName}'");

    private FrozenDictionary<string, Level> BuildLevelNames()
    {
        // The validator has already refused two levels that share a normalised code or name.
        var map = new Dictionary<string, Level>(StringComparer.Ordinal);
        foreach (var level in Levels)
        {
            map[LevelText.Normalise(level.Code)] = level;
            foreach (var name in level.Names)
            {
                map[LevelText.Normalise(name)] = level;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
