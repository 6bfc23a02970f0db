using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Warehouse.Frameworks;

/// <summary>
/// Reads one framework file: JSON into <see cref="FrameworkFileDto"/>, then every rule of the format checked, each
/// problem recorded with the file and the entry, and a <see cref="Framework"/> built only when none was found.
/// </summary>
internal sealed partial class FrameworkReader
{
    /// <summary>The only file format this reader knows.</summary>
    public const int Format = 1;

    private readonly string file;
    private readonly List<FrameworkValidationError> errors;
    private readonly Dictionary<string, Level> levelsByCode = new(StringComparer.Ordinal);

    private FrameworkReader(string file, List<FrameworkValidationError> errors)
    {
        this.file = file;
        this.errors = errors;
    }

    /// <summary>Reads a framework file; returns null and adds to <paramref name="errors"/> when it is not valid.</summary>
    /// <param name="file">The file's name for messages.</param>
    /// <param name="json">Its text.</param>
    /// <param name="folder">The partnership folder it was found in, which its <c>partnership</c> must equal; null to skip the check.</param>
    /// <param name="errors">Where problems are added.</param>
    public static Framework? Read(string file, string json, string? folder, List<FrameworkValidationError> errors)
    {
        FrameworkFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, FrameworkJsonContext.Default.FrameworkFileDto);
        }
        catch (JsonException ex)
        {
            var entry = string.IsNullOrEmpty(ex.Path) ? "(file)" : ex.Path;
            errors.Add(new FrameworkValidationError(file, entry, $"not a valid framework file: {ex.Message}"));
            return null;
        }

        if (dto is null)
        {
            errors.Add(new FrameworkValidationError(file, "(file)", "the file is empty (null)"));
            return null;
        }

        return new FrameworkReader(file, errors).Build(dto, folder);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartnershipCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelCode();

    private Framework? Build(FrameworkFileDto dto, string? folder)
    {
        var before = errors.Count;
        const string header = "(header)";
        if (dto.Format is { } format && format != Format)
        {
            Add(header, string.Create(CultureInfo.InvariantCulture, $"format {format} is not supported (this build reads format {Format})"));
        }

        var partnership = Required(dto.Partnership, header, "partnership");
        if (partnership.Length > 0 && !PartnershipCode().IsMatch(partnership))
        {
            Add(header, $"partnership '{partnership}' must be lower-case letters, digits, '-' or '_', starting with a letter");
        }

        if (folder is not null && partnership.Length > 0 && partnership != folder)
        {
            Add(header, $"partnership '{partnership}' does not match the folder '{folder}' the file is in");
        }

        var name = Required(dto.PartnershipName, header, "partnership_name");
        var version = Required(dto.Version, header, "version");
        if (dto.EffectiveFrom is null)
        {
            Add(header, "effective_from is missing");
        }

        if (dto.EffectiveFrom is { } from && dto.EffectiveTo is { } to && to < from)
        {
            Add(header, string.Create(CultureInfo.InvariantCulture, $"effective_to {to:yyyy-MM-dd} is before effective_from {from:yyyy-MM-dd}"));
        }

        var source = ReadSource(dto.Source);
        var notAChecklist = ReadQuote(dto.NotAChecklist, "not_a_checklist");
        var levels = ReadLevels(dto.Levels);
        var describeNeed = ReadDescribeNeed(dto.DescribeNeed);
        var ambiguous = ReadAmbiguousTerms(dto.AmbiguousTerms);
        var domains = ReadDomains(dto.Domains);
        var indicators = ReadIndicators(dto.Indicators, domains);
        var outcomes = ReadOutcomes(dto.Outcomes);
        var floors = ReadOpenCaseFloors(dto.OpenCaseFloors);
        var rules = ReadRules(dto.Engine);
        var crosswalk = ReadCrosswalk(dto.Crosswalk, levels);
        var judgements = ReadJudgements(dto.Judgements);

        if (errors.Count > before || levels is null || source is null || notAChecklist is null || crosswalk is null)
        {
            return null;
        }

        return new Framework(new FrameworkContent(
            file,
            partnership,
            name,
            version,
            dto.EffectiveFrom!.Value,
            dto.EffectiveTo,
            source,
            dto.TextNormalisation ?? string.Empty,
            notAChecklist,
            levels,
            describeNeed,
            ambiguous,
            [.. domains.Values],
            indicators,
            outcomes,
            floors,
            rules,
            crosswalk,
            judgements));
    }

    private SourceDocument? ReadSource(SourceDto? dto)
    {
        if (dto is null)
        {
            Add("source", "source is missing");
            return null;
        }

        return new SourceDocument(
            Required(dto.Title, "source", "title"),
            dto.Publisher ?? string.Empty,
            dto.PrintedDate,
            dto.SeedFile ?? string.Empty,
            dto.DateNote ?? string.Empty);
    }

    private SeedQuote? ReadQuote(QuoteDto? dto, string entry)
    {
        if (dto is null)
        {
            Add(entry, $"{entry} is missing");
            return null;
        }

        return new SeedQuote(Required(dto.Quote, entry, "quote"), dto.Where);
    }

    private List<Judgement> ReadJudgements(IReadOnlyList<JudgementDto>? dtos)
    {
        var judgements = new List<Judgement>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var dto = dtos![i];
            var entry = string.Create(CultureInfo.InvariantCulture, $"judgement #{i + 1}");
            judgements.Add(new Judgement(
                Required(dto.Subject, entry, "subject"),
                Required(dto.Decision, entry, "decision"),
                Required(dto.Reason, entry, "reason")));
        }

        return judgements;
    }

    private void Add(string entry, string message) => errors.Add(new FrameworkValidationError(file, entry, message));

    private string Required(string? value, string entry, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(entry, $"{field} is missing");
            return string.Empty;
        }

        return value;
    }

    /// <summary>The level a field names, or null (with an error) when it is missing or unknown.</summary>
    private Level? LevelRef(string? code, string entry, string field)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            Add(entry, $"{field} is missing: every entry needs a level");
            return null;
        }

        if (levelsByCode.TryGetValue(code, out var level))
        {
            return level;
        }

        // When the levels themselves are broken, say so once there rather than at every reference.
        if (levelsByCode.Count > 0)
        {
            Add(entry, $"{field} '{code}' is not a level of this framework (levels: {string.Join(", ", levelsByCode.Keys)})");
        }

        return null;
    }

    private static string Entry(string kind, string? code, int index) =>
        string.IsNullOrWhiteSpace(code)
            ? string.Create(CultureInfo.InvariantCulture, $"{kind} #{index + 1}")
            : $"{kind} {code}";
}
