using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Warehouse.App.Tests.Support;
using Warehouse.Synthetic;
using Warehouse.Xlsx;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// One whole journey through the command line, run once for the security tests: synthetic files for
/// both partnerships (raw child ids, worker names in Annex A) plus a file of our own with planted ids,
/// a person's name in a column the loader must drop, rows it must reject, and hostile team names;
/// Warwickshire's localities renamed to formula and markup payloads; an analyst's commentary. Then
/// key create, load, check, pack, audit sample, sql, export of every table, subject, log, status and
/// key check. The tests read what it left behind: files, printed output and log lines.
/// </summary>
public sealed partial class SecurityRun : IAsyncLifetime
{
    /// <summary>Every raw id of our own file starts with this (no generated id or output text does).</summary>
    internal const string PlantedIdPrefix = "PLANTEDRAWID-";

    /// <summary>The child whose records <c>warehouse subject</c> looks up.</summary>
    internal const string SubjectId = "PLANTEDRAWID-0001-K";

    /// <summary>A caller's name in a column the contract does not have: the loader must drop it unread.</summary>
    internal const string PlantedName = "Ottoline Quarrendon";

    /// <summary>What the analyst types as a query: not SQL, so it fails, but the access log keeps it.</summary>
    internal const string FormulaQuery = Hostile.Formula;

    internal const string LocalitiesQuery = "SELECT locality_code, locality_name FROM dim.locality WHERE partnership = 'warwickshire' ORDER BY 1";

    internal const string PlantedQuery = "SELECT consultation_id, team FROM fact.consultation WHERE consultation_id LIKE 'SEC-%' OR consultation_id LIKE '=%' ORDER BY 1";

    private static readonly DateTimeOffset Now = TestData.Utc(2026, 6, 20, 9);

    internal TestFolder Folder { get; } = new();

    internal RecordingCli Cli { get; private set; } = null!;

    /// <summary>The raw inputs: the inbox (and the files moved inside it) and the generator's answer key.</summary>
    internal IReadOnlyList<string> RawInputFolders { get; private set; } = [];

    /// <summary>A few raw child ids of each partnership exactly as the generator wrote them.</summary>
    internal IReadOnlyList<string> SampleChildIds { get; private set; } = [];

    /// <summary>The surnames of every worker named in the Annex A returns (the first names are too short to search for alone).</summary>
    internal IReadOnlyList<string> WorkerSurnames { get; private set; } = [];

    /// <summary>The base64 keys in the key file: key material must never reach an output or a log either.</summary>
    internal IReadOnlyList<string> Keys { get; private set; } = [];

    internal string AuditFolder { get; private set; } = string.Empty;

    internal CliResult RefusedAuditor { get; private set; } = null!;

    internal CliResult LocalitiesCsv { get; private set; } = null!;

    internal CliResult PlantedCsv { get; private set; } = null!;

    internal CliResult LogCsv { get; private set; } = null!;

    /// <summary>What must never appear outside the raw inputs: id prefixes and samples, names, keys.</summary>
    internal IReadOnlyList<string> Needles =>
        ["SYN-WAR-", "SYN-WOR-", PlantedIdPrefix, PlantedName, "Quarrendon", .. SampleChildIds, .. WorkerSurnames, .. Keys];

    /// <summary>Every file under the test folder except the raw inputs.</summary>
    internal IReadOnlyList<string> OutputFiles => Directory.EnumerateFiles(Folder.Root, "*", SearchOption.AllDirectories)
        .Where(f => !RawInputFolders.Any(raw => f.StartsWith(raw + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        .Where(f => f != Cli.Settings.KeyFile)
        .Order(StringComparer.Ordinal)
        .ToList();

    public async Task InitializeAsync()
    {
        Cli = new RecordingCli(Folder, new FakeClock(Now));
        var settings = Cli.Settings;
        var answers = Folder.PathOf("answers");
        RawInputFolders = [settings.Inbox, answers];

        // Two months for both partnerships: enough for a consistency month (funnels, matrices, every
        // chart), small enough that disclosure control stays quick.
        SyntheticGenerator.Generate(new GeneratorOptions
        {
            Seed = 20261209,
            OutputFolder = settings.Inbox,
            Start = new DateOnly(2026, 4, 1),
            Months = 2,
            ConsultationsPerPartnership = 4_000,
            Messy = true,
            AnswerKeyFolder = answers,
        });
        SampleChildIds = [.. new[] { "warwickshire", "worcestershire" }.SelectMany(p => Directory.GetFiles(Path.Combine(answers, p), "*.csv")
            .SelectMany(File.ReadLines).Where(l => !l.StartsWith("consultation_id", StringComparison.Ordinal)).Take(10).Select(l => l.Split(',')[1]))];
        WorkerSurnames = WorkerNamesIn(settings.Inbox).Select(n => n.Split(' ', '\u00A0')[^1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        File.WriteAllText(Path.Combine(settings.Inbox, "warwickshire", "localities.csv"), Localities(Path.Combine(settings.Inbox, "warwickshire", "localities.csv")));
        File.WriteAllText(Path.Combine(settings.Inbox, "warwickshire", "planted.csv"), PlantedConsultations(), new UTF8Encoding(false));
        Folder.Write(Path.Combine("data", "commentary", "warwickshire", "2026-05", "commentary.txt"), $"{Hostile.Formula}\n\n{Hostile.Script}\n");

        await Cli.SucceedAsync("key", "create");
        Keys = [.. File.ReadAllLines(settings.KeyFile).Where(l => l.Length > 0 && !l.StartsWith('#'))];
        await Cli.SucceedAsync("load");
        await Cli.SucceedAsync("check");
        await Cli.SucceedAsync("pack");

        // The audit workbooks; then a second draw whose auditor reference is a formula, which is refused.
        await Cli.SucceedAsync("audit", "sample", "--partnership", "warwickshire", "--period", "2026-04", "--size", "30", "--seed", "7", "--auditors", "QA1,QA2");
        AuditFolder = Path.Combine(settings.RestrictedOutputFolder, "warwickshire", "audit");
        RefusedAuditor = await Cli.RunAsync("audit", "sample", "--partnership", "warwickshire", "--period", "2026-04", "--size", "30", "--seed", "8", "--auditors", "QA3,=1+1");

        await Cli.SucceedAsync("sql", "SELECT * FROM fact.consultation ORDER BY consultation_id LIMIT 20");
        LocalitiesCsv = await Cli.SucceedAsync("sql", LocalitiesQuery, "--format", "csv");
        PlantedCsv = await Cli.SucceedAsync("sql", PlantedQuery, "--format", "csv");
        await Cli.SucceedAsync("sql", "SELECT * FROM ops.rejects", "--format", "json");
        await Cli.RunAsync("sql", FormulaQuery);

        var tables = await Cli.SucceedAsync("sql", "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1", "--format", "csv");
        foreach (var table in tables.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            await Cli.SucceedAsync("export", "--table", table, "--format", "csv");
        }
        foreach (var table in new[] { "fact.consultation", "ops.rejects", "analytics.exceptions", "dim.locality" })
        {
            await Cli.SucceedAsync("export", "--table", table);
        }

        var input = Console.In;
        try
        {
            // The command reads the id from standard input, never from its arguments.
            Console.SetIn(new StringReader(SubjectId + "\n"));
            await Cli.SucceedAsync("subject");
        }
        finally
        {
            Console.SetIn(input);
        }

        await Cli.SucceedAsync("log", "--last", "0");
        LogCsv = await Cli.SucceedAsync("log", "--last", "0", "--format", "csv");
        await Cli.SucceedAsync("status");
        await Cli.SucceedAsync("key", "check");
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The shipped localities (as the generator copied them) under the hostile names.</summary>
    private static string Localities(string shipped)
    {
        var lines = new StringBuilder("locality_code,locality_name,area,population_0_17\r\n");
        foreach (var fields in File.ReadLines(shipped).Skip(1).Select(l => l.Split(',')))
        {
            lines.Append(CultureInfo.InvariantCulture, $"{fields[0]},{Hostile.Quoted(Hostile.LocalityNames[fields[0]])},{fields[2]},{fields[3]}\r\n");
        }
        return lines.ToString();
    }

    /// <summary>
    /// 24 consultations that load (the first with a formula for its id), each with a hostile team and
    /// a caller's name in an extra column; then a row with an impossible date, one with an unknown
    /// locality and one with too many fields – rejects that must keep no raw id either.
    /// </summary>
    private static string PlantedConsultations()
    {
        var csv = new StringBuilder("consultation_id,child_id,consultation_date,decision_date,locality,caller_agency,outcome,recommended_level,actual_level,team,caller_name\r\n");
        string[] localities = ["NUN", "RUG", "STR", "WAR", "NWA"];
        for (var i = 1; i <= 24; i++)
        {
            var id = i == 1 ? Hostile.Quoted(Hostile.Hyperlink) : string.Create(CultureInfo.InvariantCulture, $"SEC-{i:0000}");
            var day = new DateOnly(2026, 5, 4).AddDays(i % 20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture,
                $"{id},{PlantedIdPrefix}{i:0000}-K,{day},{day},{localities[i % 5]},POLICE,early_support_assessment,early_support,early_support,{Hostile.Quoted(Hostile.Teams[i % Hostile.Teams.Count])},{PlantedName}\r\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"SEC-0901,{PlantedIdPrefix}0901-R,31/02/2026,,NUN,POLICE,advice,universal,universal,Duty,{PlantedName}\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"SEC-0902,{PlantedIdPrefix}0902-R,2026-05-12,,XXX,POLICE,advice,universal,universal,Duty,{PlantedName}\r\n");
        csv.Append(CultureInfo.InvariantCulture, $"SEC-0903,{PlantedIdPrefix}0903-R,2026-05-12,,NUN,POLICE,advice,universal,universal,Duty,{PlantedName},{PlantedIdPrefix}0903-R,{PlantedName}\r\n");
        return csv.ToString();
    }

    /// <summary>Every 'Allocated Worker' value of every Annex A workbook the generator wrote.</summary>
    private static HashSet<string> WorkerNamesIn(string inbox)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(inbox, "*.xlsx", SearchOption.AllDirectories))
        {
            using var workbook = XlsxReader.Open(path);
            foreach (var sheet in workbook.SheetNames)
            {
                var worker = -1;
                foreach (var row in workbook.ReadRows(sheet))
                {
                    if (worker < 0)
                    {
                        worker = row.Cells.ToList().FindIndex(c => c.Text == "Allocated Worker");
                        continue;
                    }
                    // A messy return also has '#N/A' and blanks where a name should be: keep only names.
                    if (row[worker] is { Kind: XlsxValueKind.Text, Text: { } name } && PersonName().IsMatch(name.Trim())) names.Add(name.Trim());
                }
            }
        }
        Assert.True(names.Count > 10, "The generated Annex A returns name too few workers to scan for.");
        return names;
    }

    [GeneratedRegex(@"^[A-Za-z-]+[ \u00A0]+[A-Za-z-]+$")]
    private static partial Regex PersonName();
}
