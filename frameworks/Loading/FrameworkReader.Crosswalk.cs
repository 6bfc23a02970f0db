using System.Globalization;

namespace Warehouse.Frameworks;

internal sealed partial class FrameworkReader
{
    private Crosswalk? ReadCrosswalk(CrosswalkDto? dto, IReadOnlyList<Level>? levels)
    {
        const string entry = "crosswalk";
        if (dto?.Levels is null)
        {
            Add(entry, "crosswalk is missing: map every level to the common four-point scale");
            return null;
        }

        var before = errors.Count;
        var spans = new Dictionary<string, CommonSpan>(StringComparer.Ordinal);
        foreach (var item in dto.Levels)
        {
            var level = LevelRef(item.Level, entry, "level");
            if (level is null)
            {
                continue;
            }

            if (item.From is not { } from || item.To is not { } to)
            {
                Add(entry, $"level {level.Code} needs from and to (common points 1-4)");
                continue;
            }

            if (from < CommonScale.Lowest || to > CommonScale.Highest || from > to)
            {
                Add(entry, string.Create(CultureInfo.InvariantCulture, $"level {level.Code} maps to {from}-{to}: points are 1-4 and from is at most to"));
                continue;
            }

            if (!spans.TryAdd(level.Code, new CommonSpan(from, to)))
            {
                Add(entry, $"level {level.Code} is mapped twice");
            }
        }

        if (levels is null)
        {
            return null;
        }

        foreach (var level in levels.Where(l => !spans.ContainsKey(l.Code)))
        {
            Add(entry, $"gap: level {level.Code} has no place on the common scale");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var entries = levels.Select(l => new CrosswalkEntry(l, spans[l.Code])).ToList();
        for (var i = 1; i < entries.Count; i++)
        {
            if (entries[i].Span.From < entries[i - 1].Span.From || entries[i].Span.To < entries[i - 1].Span.To)
            {
                Add(entry, $"level {entries[i].Level.Code} maps below level {entries[i - 1].Level.Code}: the mapping must keep the levels' order");
            }
        }

        for (var point = CommonScale.Lowest; point <= CommonScale.Highest; point++)
        {
            if (!entries.Any(e => e.Span.From <= point && point <= e.Span.To))
            {
                Add(entry, string.Create(CultureInfo.InvariantCulture, $"gap: no level maps to common point {point}"));
            }
        }

        var caveats = (dto.Caveats ?? []).Select(c => new CrosswalkCaveat(Required(c.Text, entry, "caveat text"), c.Quote, c.Where)).ToList();
        return errors.Count > before ? null : new Crosswalk(entries, caveats);
    }
}
