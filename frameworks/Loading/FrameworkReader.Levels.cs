using System.Globalization;

namespace Warehouse.Frameworks;

internal sealed partial class FrameworkReader
{
    private IReadOnlyList<Level>? ReadLevels(IReadOnlyList<LevelDto>? dtos)
    {
        if (dtos is null || dtos.Count != 4)
        {
            Add("levels", string.Create(CultureInfo.InvariantCulture, $"a framework has exactly four levels, numbered 1 to 4 (found {dtos?.Count ?? 0})"));
            return null;
        }

        var before = errors.Count;
        var byNumber = new Level?[5];
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var entry = Entry("level", dto.Code, i);
            var code = Required(dto.Code, entry, "code");
            if (code.Length > 0 && !LevelCode().IsMatch(code))
            {
                Add(entry, $"code '{code}' must be lower-case letters, digits and '_'");
            }

            if (dto.Number is not (>= 1 and <= 4))
            {
                Add(entry, dto.Number is null ? "number is missing" : string.Create(CultureInfo.InvariantCulture, $"number {dto.Number} is not 1-4"));
                continue;
            }

            var number = dto.Number.Value;
            if (byNumber[number] is not null)
            {
                Add(entry, string.Create(CultureInfo.InvariantCulture, $"duplicate number {number}: level {byNumber[number]!.Code} has it too"));
                continue;
            }

            var names = dto.Names ?? [];
            if (names.Count == 0)
            {
                Add(entry, "names is missing: list every name the document uses for the level");
            }

            foreach (var text in names.Prepend(code))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    Add(entry, "a name is blank");
                    continue;
                }

                var key = LevelText.Normalise(text);
                if (keys.TryGetValue(key, out var other) && other != code)
                {
                    Add(entry, $"duplicate code or name '{text}': level {other} has it too");
                }
                else if (LevelText.NumberOf(key) is { } named && named != number)
                {
                    Add(entry, string.Create(CultureInfo.InvariantCulture, $"name '{text}' reads as level {named}, but this is level {number}"));
                }

                keys[key] = code;
            }

            var level = new Level(code, number, [.. names], dto.Description ?? string.Empty);
            byNumber[number] = level;
            if (code.Length > 0 && !levelsByCode.TryAdd(code, level))
            {
                Add(entry, $"duplicate code '{code}'");
            }
        }

        return errors.Count > before ? null : [byNumber[1]!, byNumber[2]!, byNumber[3]!, byNumber[4]!];
    }

    private DescribeNeedList? ReadDescribeNeed(DescribeNeedDto? dto)
    {
        if (dto is null)
        {
            return null;
        }

        const string entry = "describe_need";
        var note = Required(dto.Note, entry, "note");
        var phrases = new List<DescribeNeedPhrase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dto.Phrases?.Count ?? 0); i++)
        {
            var phrase = dto.Phrases![i];
            var phraseEntry = Entry("describe_need phrase", phrase.Text, i);
            var text = Required(phrase.Text, phraseEntry, "text");
            if (text.Length > 0 && !seen.Add(LevelText.Normalise(text)))
            {
                Add(phraseEntry, $"duplicate phrase '{text}'");
            }

            if (LevelRef(phrase.Level, phraseEntry, "level") is { } level)
            {
                phrases.Add(new DescribeNeedPhrase(text, level));
            }
        }

        return new DescribeNeedList(note, dto.Where, phrases);
    }

    private List<AmbiguousTerm> ReadAmbiguousTerms(IReadOnlyList<AmbiguousTermDto>? dtos)
    {
        var terms = new List<AmbiguousTerm>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var dto = dtos![i];
            var entry = Entry("ambiguous term", dto.Text, i);
            var text = Required(dto.Text, entry, "text");
            var levels = (dto.Levels ?? []).Select(code => LevelRef(code, entry, "level")).OfType<Level>().ToList();
            if ((dto.Levels?.Count ?? 0) < 2)
            {
                Add(entry, "an ambiguous term names at least two levels");
            }

            terms.Add(new AmbiguousTerm(text, levels, new SeedQuote(Required(dto.Quote, entry, "quote"), dto.Where)));
        }

        return terms;
    }
}
