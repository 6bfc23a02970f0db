using System.Globalization;
using Warehouse.Analytics.Runs;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Tests.TestSupport;

/// <summary>
/// A partnership of its own inside the shared test warehouse: reference data (localities L01…,
/// agencies A01…, a four-level framework 'v1' with one outcome per level, two indicators), and
/// methods to add consultations, Annex A events and audit judgements and to run the checks.
/// </summary>
internal sealed class TestPartnership
{
    /// <summary>The outcome for each level: advice (1), single_agency (2), family_help (3), child_protection (4, no consent needed).</summary>
    public static readonly string[] Outcomes = ["advice", "single_agency", "family_help", "child_protection"];

    /// <summary>The sectors given to agencies A01, A02, … in turn.</summary>
    public static readonly string[] Sectors = ["police", "health", "education", "local_authority", "voluntary"];

    private readonly DuckDbConnection connection;

    public TestPartnership(DuckDbConnection connection, string code, int localities = 3, int agencies = 3, long population = 10_000)
    {
        this.connection = connection;
        Code = code;
        var sql = new List<string>
        {
            $"INSERT INTO dim.partnership VALUES ('{code}', 'Test {code}')",
            $"INSERT INTO dim.framework_version VALUES ('{code}', 'v1', DATE '2000-01-01', NULL)",
        };
        for (int i = 1; i <= localities; i++)
        {
            // Areas: L01 and L02 make area 'North', the rest 'South'.
            var area = i <= 2 ? "North" : "South";
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.locality VALUES ('{code}', '{Locality(i)}', 'Locality {i}', '{area}', {population})"));
        }

        for (int i = 1; i <= agencies; i++)
        {
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.agency VALUES ('{code}', '{Agency(i)}', 'Agency {i}', '{Sectors[(i - 1) % Sectors.Length]}', '8')"));
        }

        for (int level = 1; level <= 4; level++)
        {
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.level VALUES ('{code}', 'v1', {level}, 'level_{level}', 'Level {level}')"));
            var consent = level < 4 ? "true" : "false";
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.outcome VALUES ('{code}', 'v1', '{Outcomes[level - 1]}', 'Outcome {level}', {level}, {(level >= 3 ? "true" : "false")}, {consent})"));
        }

        sql.Add($"INSERT INTO dim.indicator VALUES ('{code}', 'v1', 'TOP', 4, 'safety', 'Sexual abuse disclosed', true)");
        sql.Add($"INSERT INTO dim.indicator VALUES ('{code}', 'v1', 'LOW', 2, 'health', 'Missed appointments', false)");
        connection.Execute(string.Join(";\n", sql));
    }

    public string Code { get; }

    public static string Locality(int i) => string.Create(CultureInfo.InvariantCulture, $"L{i:00}");

    public static string Agency(int i) => string.Create(CultureInfo.InvariantCulture, $"A{i:00}");

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Add(params IEnumerable<ConsultationRow> rows)
    {
        var list = rows.ToList();
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE test_consultation (
                partnership VARCHAR, consultation_id VARCHAR, child_key VARCHAR, age_band VARCHAR, sex VARCHAR,
                ethnicity_group VARCHAR, disability BOOLEAN, consultation_at TIMESTAMP, consultation_date DATE,
                decision_at TIMESTAMP, decision_date DATE, locality VARCHAR, caller_agency VARCHAR, contact_source VARCHAR,
                contact_source_derived BOOLEAN, consent VARCHAR, caller_level INTEGER, likelihood INTEGER, seriousness INTEGER,
                recommended_level INTEGER, recommended_implied BOOLEAN, outcome VARCHAR, actual_level_recorded INTEGER,
                team VARCHAR, framework_version VARCHAR, file_id VARCHAR, source_row BIGINT, actual_level INTEGER,
                actual_source VARCHAR, actual_window_end DATE, indicated_level INTEGER)
            """);
        using (var appender = connection.CreateAppender("test_consultation"))
        {
            long row = 1;
            foreach (var c in list)
            {
                int outcomeLevel = c.Outcome is null ? c.Recommended ?? 2 : Array.IndexOf(Outcomes, c.Outcome) + 1;
                var outcome = c.Outcome ?? Outcomes[outcomeLevel - 1];
                var source = c.ActualRecorded is not null ? "recorded" : c.ActualSource;
                int? actual = c.ActualRecorded ?? (source == "pending" ? null : c.Actual);
                DateOnly? windowEnd = c.WindowEnd ?? (source is null or "recorded" ? null : c.Date.AddDays(30));
                DateOnly? decision = c.NoDecision ? null : c.Decision ?? c.Date;
                appender.AppendRow(
                    Code, c.Id, c.ChildKey ?? "child-" + c.Id, c.AgeBand, c.Sex, c.EthnicityGroup, c.Disability,
                    c.Date.ToDateTime(TimeOnly.MinValue), c.Date, decision?.ToDateTime(TimeOnly.MinValue), decision,
                    c.Locality, c.Agency, "8", false, c.Consent, c.CallerLevel, c.Likelihood, c.Seriousness,
                    c.Recommended ?? outcomeLevel, c.Recommended is null, outcome, c.ActualRecorded,
                    c.Team, "v1", "file-1", row++, actual, source, windowEnd, c.Indicated);
            }
        }

        connection.Execute("""
            INSERT INTO fact.consultation BY NAME SELECT * FROM test_consultation;
            DROP TABLE test_consultation;
            """);

        var indicators = list.SelectMany(c => c.Indicators.Select(i => (c.Id, i))).ToList();
        if (indicators.Count > 0)
        {
            using var appender = connection.CreateAppender("consultation_indicator", "fact");
            foreach (var (id, code) in indicators)
            {
                appender.AppendRow(Code, id, code);
            }
        }
    }

    /// <summary>An Annex A event (List 2 early_help_assessment, 3 referral, 4 assessment, 5 section47).</summary>
    public void AddEvent(string childKey, string kind, DateOnly date, DateOnly? endDate = null, DateOnly? secondDate = null, bool? referralNfa = null)
    {
        int list = kind switch
        {
            "early_help_assessment" => 2,
            "referral" => 3,
            "assessment" => 4,
            "section47" => 5,
            _ => 1,
        };
        const string Insert = """
            INSERT INTO fact.annex_a_event (partnership, return_id, list_number, event_kind, child_key, event_date, end_date, second_date, referral_nfa, sheet, source_row)
            VALUES ($partnership, 'return-1', $list, $kind, $child, $date, $end_date, $second_date, $nfa, 'List', 2)
            """;
        using var command = new DuckDbCommand(Insert, connection);
        command.Parameters.Add("partnership", Code);
        command.Parameters.Add("list", list);
        command.Parameters.Add("kind", kind);
        command.Parameters.Add("child", childKey);
        command.Parameters.Add("date", date);
        command.Parameters.Add("end_date", endDate);
        command.Parameters.Add("second_date", secondDate);
        command.Parameters.Add("nfa", referralNfa);
        command.ExecuteNonQuery();
    }

    /// <summary>Loaded Annex A returns cover these dates (Lists 1 to 5).</summary>
    public void AddCoverage(DateOnly start, DateOnly end)
    {
        using var command = new DuckDbCommand(
            """
            INSERT INTO ops.annex_a_returns (return_id, partnership, list_number, coverage_start, coverage_end, loaded_at)
            SELECT 'return-' || $p, $p, l, $s, $e, now() FROM range(1, 6) t(l)
            """, connection);
        command.Parameters.Add("p", Code);
        command.Parameters.Add("s", start);
        command.Parameters.Add("e", end);
        command.ExecuteNonQuery();
    }

    public void AddAudit(string consultationId, int level, DateOnly date, string auditId = "audit-1", string auditor = "QA1")
    {
        using var appender = connection.CreateAppender("audit_judgement", "fact");
        appender.AppendRow(Code, auditId, consultationId, auditor, level, "A01", date);
    }

    public string RunId(string month, DateOnly? cutOff = null, CheckOptions? options = null) =>
        CheckRunner.Run(
            connection,
            new CheckRequest { Partnership = Code, Month = month, CutOff = cutOff, Options = options ?? CheckOptions.Default },
            TimeProvider.System);

    public CheckRunResults Run(string month, DateOnly? cutOff = null, CheckOptions? options = null) =>
        CheckResults.Load(connection, RunId(month, cutOff, options));
}
