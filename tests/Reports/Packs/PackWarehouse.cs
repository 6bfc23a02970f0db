using System.Globalization;
using Warehouse.Analytics.Runs;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.Reports.Tests.Packs;

/// <summary>
/// An in-memory warehouse (the real schema, Migrator.Apply on ":memory:") with one small partnership
/// shaped like Warwickshire – five localities in three areas, East being Rugby alone – and thirteen
/// months of consultations, Annex A events, audits and load history, generated from a fixed seed.
/// Rugby is kept tiny, so the pack is full of counts from 1 to 5 for disclosure control to protect.
/// The checks run through the analytics entry point (CheckRunner.Run), as the app does.
/// </summary>
public sealed class PackWarehouse : IDisposable
{
    public const string Partnership = "warwickshire";

    /// <summary>Team names from source data that a spreadsheet would run as formulas.</summary>
    public static readonly string[] Teams = ["Family Connect North", "Family Connect South", "=HYPERLINK(\"http://example.invalid\",\"x\")", "+44 duty desk", "-night team", "@screening", "\tTab team"];

    public static readonly DateOnly CutOff = new(2026, 11, 5);

    private static readonly string[] BankHolidays =
    [
        "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ];

    public PackWarehouse()
    {
        Connection = new DuckDbConnection(":memory:");
        Connection.Open();
        Migrator.Apply(Connection);
        var holidays = string.Join(", ", BankHolidays.Select(d => $"(DATE '{d}', 'holiday')"));
        Connection.Execute($"""
            INSERT INTO dim.bank_holiday VALUES {holidays};
            UPDATE dim.calendar c SET
                is_bank_holiday = (c.day IN (SELECT holiday_date FROM dim.bank_holiday)),
                holidays_known  = c.year BETWEEN 2025 AND 2027,
                is_working_day  = NOT c.is_weekend AND c.day NOT IN (SELECT holiday_date FROM dim.bank_holiday);
            INSERT INTO dim.national_comparator VALUES
                (DATE '2025-03-31', 'referrals_nfa', 6.5, 'percent', 'DfE'),
                (DATE '2025-03-31', 're_referrals_within_12_months', 22.6, 'percent', 'DfE'),
                (DATE '2024-03-31', 're_referrals_within_12_months', 22, 'percent', 'DfE');
            """);
        Consultations = Generate(Connection, Partnership, seed: 20250623);
        RunId = Run("2026-10");
    }

    public DuckDbConnection Connection { get; }

    /// <summary>The run for October 2026 (cut-off 5 November 2026).</summary>
    public string RunId { get; }

    /// <summary>Every consultation id and child key generated: none may appear in a publishable output.</summary>
    public IReadOnlyList<(string Id, string ChildKey)> Consultations { get; }

    public string Run(string month, string partnership = Partnership, DateOnly? cutOff = null) => CheckRunner.Run(
        Connection,
        new CheckRequest { Partnership = partnership, Month = month, CutOff = cutOff ?? CutOff },
        TimeProvider.System);

    public void Dispose() => Connection.Dispose();

    /// <summary>Reference data, consultations, Annex A and load history for one partnership.</summary>
    public static IReadOnlyList<(string Id, string ChildKey)> Generate(DuckDbConnection connection, string code, int seed, int perMonth = 300)
    {
        var random = new Random(seed);
        var sql = new List<string>
        {
            $"INSERT INTO dim.partnership VALUES ('{code}', 'Warwickshire')",
            $"INSERT INTO dim.framework_version VALUES ('{code}', 'v1', DATE '2000-01-01', NULL)",
            $"INSERT INTO dim.locality VALUES ('{code}', 'NWA', 'North Warwickshire', 'North', 13000), ('{code}', 'NUN', 'Nuneaton and Bedworth', 'North', 28000), ('{code}', 'RUG', 'Rugby', 'East', 24000), ('{code}', 'STR', 'Stratford-on-Avon', 'South', 24000), ('{code}', 'WAR', 'Warwick', 'South', 28000)",
            $"INSERT INTO dim.agency VALUES ('{code}', 'POLICE', 'Police', 'police', '6'), ('{code}', 'SCHOOL', 'School', 'education', '2A'), ('{code}', 'GP', 'GP', 'health', '3A'), ('{code}', 'HEALTH_VISITOR', 'Health visitor', 'health', '3B'), ('{code}', 'HOUSING', 'Housing', 'local_authority', '4'), ('{code}', 'FAMILY', 'Family member', 'individual', '1A'), ('{code}', 'VOLUNTARY', 'Voluntary sector', 'voluntary', '8')",
            $"INSERT INTO dim.level VALUES ('{code}', 'v1', 1, 'universal', 'Universal'), ('{code}', 'v1', 2, 'early_support', 'Early Support'), ('{code}', 'v1', 3, 'family_help', 'Family Help'), ('{code}', 'v1', 4, 'immediate_protection', 'Family Help: immediate protection')",
            $"INSERT INTO dim.outcome VALUES ('{code}', 'v1', 'advice', 'Advice', 1, false, true), ('{code}', 'v1', 'single_agency', 'Single agency', 2, false, true), ('{code}', 'v1', 'early_support_assessment', 'Early Support assessment', 2, true, true), ('{code}', 'v1', 'family_help_assessment', 'Family Help assessment', 3, true, true), ('{code}', 'v1', 'child_protection', 'Child protection', 4, true, false), ('{code}', 'v1', 'nfa', 'No further action', 1, false, true)",
            $"INSERT INTO dim.indicator VALUES ('{code}', 'v1', 'TOP', 4, 'safety', 'Disclosure of sexual abuse', true), ('{code}', 'v1', 'LOW', 2, 'health', 'Missed appointments', false)",
        };
        connection.Execute(string.Join(";\n", sql));

        string[] localities = ["NUN", "NUN", "NUN", "NUN", "NUN", "NUN", "WAR", "WAR", "WAR", "WAR", "WAR", "STR", "STR", "STR", "STR", "NWA", "NWA", "NWA", "RUG"];
        string[] agencies = ["POLICE", "POLICE", "POLICE", "SCHOOL", "SCHOOL", "SCHOOL", "GP", "HEALTH_VISITOR", "HEALTH_VISITOR", "HOUSING", "FAMILY", "VOLUNTARY"];
        string[] outcomes = ["advice", "single_agency", "family_help_assessment", "child_protection"];
        string[] ages = ["under 1", "1-4", "5-9", "5-9", "10-15", "10-15", "16 and over"];
        string[] sexes = ["F", "M", "F", "M", "U"];
        string[] ethnicities = ["White", "White", "White", "White", "Mixed", "Asian", "Black", "Other"];
        var children = Enumerable.Range(0, perMonth * 6).Select(i => "ck-" + Convert.ToHexStringLower(BitConverter.GetBytes((long)(i * 2654435761L + seed)))).ToArray();
        var rows = new List<string>();
        var events = new List<string>();
        var audits = new List<string>();
        var ids = new List<(string, string)>();
        int n = 0;
        for (var month = new DateOnly(2025, 10, 1); month <= new DateOnly(2026, 10, 1); month = month.AddMonths(1))
        {
            int count = perMonth + random.Next(-perMonth / 7, (perMonth / 7) + 1);
            for (int i = 0; i < count; i++)
            {
                n++;
                var id = string.Create(CultureInfo.InvariantCulture, $"CONS-{code[..3].ToUpperInvariant()}-{n:000000}");
                var child = children[random.Next(children.Length)];
                ids.Add((id, child));
                var date = month.AddDays(random.Next(DateTime.DaysInMonth(month.Year, month.Month)));
                int recommended = Pick(random, [1, 2, 2, 3, 3, 3, 4]);
                bool implied = random.NextDouble() < 0.1;
                int actual = Math.Clamp(recommended + Pick(random, [0, 0, 0, 0, 0, 0, -1, -1, 1, -2]), 1, 4);
                double source = random.NextDouble();
                bool windowOpen = date.AddDays(30) > CutOff;
                string? actualSource;
                int? actualRecorded = null;
                int? actualLevel;
                if (source < 0.4)
                {
                    actualSource = "recorded";
                    actualRecorded = actual;
                    actualLevel = actual;
                }
                else if (windowOpen)
                {
                    actualSource = "pending";
                    actualLevel = null;
                }
                else
                {
                    actualSource = source < 0.85 ? "annex_a" : "implied";
                    actualLevel = source < 0.85 ? actual : recommended;
                }

                string outcome = outcomes[recommended - 1];
                string consent = recommended == 4 ? Pick(random, ["'not_required'", "NULL"]) : Pick(random, ["'given'", "'given'", "'given'", "'given'", "'refused'", "'not_sought'", "NULL"]);
                var decision = date.AddDays(Pick(random, [0, 0, 0, 1, 1, 2, 4]));
                // Callers read the thresholds their own way: their level is unrelated to the front door's (kappa near 0).
                int? caller = random.NextDouble() < 0.7 ? random.Next(1, 5) : null;
                int? indicated = random.NextDouble() < 0.5 ? Math.Clamp(recommended + Pick(random, [0, 0, 1, -1]), 1, 4) : null;
                bool scored = random.NextDouble() < 0.6;
                string team = Teams[random.Next(Teams.Length)].Replace("'", "''", StringComparison.Ordinal);
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"('{code}', '{id}', '{child}', '{Pick(random, ages)}', '{Pick(random, sexes)}', '{Pick(random, ethnicities)}', {(random.NextDouble() < 0.1 ? "true" : "false")}, " +
                    $"TIMESTAMP '{date:yyyy-MM-dd} 10:00:00', DATE '{date:yyyy-MM-dd}', DATE '{decision:yyyy-MM-dd}', '{Pick(random, localities)}', '{Pick(random, agencies)}', '8', false, {consent}, " +
                    $"{Sql(caller)}, {(scored ? random.Next(0, 11).ToString(CultureInfo.InvariantCulture) : "NULL")}, {(scored ? random.Next(0, 11).ToString(CultureInfo.InvariantCulture) : "NULL")}, " +
                    $"{recommended}, {(implied ? "true" : "false")}, '{outcome}', {Sql(actualRecorded)}, '{team}', 'v1', 'file-consultations', {n}, {Sql(actualLevel)}, '{actualSource}', " +
                    $"{(actualSource == "recorded" ? "NULL" : $"DATE '{date.AddDays(30):yyyy-MM-dd}'")}, {Sql(indicated)})"));

                // Annex A: some consultations are followed by a referral, an assessment or a section 47 enquiry.
                if (random.NextDouble() < 0.3 && date.AddDays(10) <= CutOff)
                {
                    var referral = date.AddDays(random.Next(1, 10));
                    var nfa = random.NextDouble() < 0.1 ? "true" : "false";
                    events.Add(string.Create(CultureInfo.InvariantCulture, $"('{code}', 'return-{code}', 3, 'referral', '{child}', DATE '{referral:yyyy-MM-dd}', NULL, NULL, {nfa})"));
                    if (random.NextDouble() < 0.6 && referral.AddDays(40) <= CutOff)
                    {
                        events.Add(string.Create(CultureInfo.InvariantCulture, $"('{code}', 'return-{code}', 4, 'assessment', '{child}', DATE '{referral:yyyy-MM-dd}', DATE '{referral.AddDays(random.Next(20, 60)):yyyy-MM-dd}', NULL, NULL)"));
                    }

                    if (recommended == 4 && referral.AddDays(20) <= CutOff)
                    {
                        events.Add(string.Create(CultureInfo.InvariantCulture, $"('{code}', 'return-{code}', 5, 'section47', '{child}', DATE '{referral:yyyy-MM-dd}', NULL, DATE '{referral.AddDays(random.Next(8, 25)):yyyy-MM-dd}', NULL)"));
                    }
                }
                else if (random.NextDouble() < 0.15)
                {
                    events.Add(string.Create(CultureInfo.InvariantCulture, $"('{code}', 'return-{code}', 2, 'early_help_assessment', '{child}', DATE '{date.AddDays(random.Next(1, 20)):yyyy-MM-dd}', NULL, NULL, NULL)"));
                }

                if (month == new DateOnly(2026, 9, 1) && random.NextDouble() < 0.35)
                {
                    audits.Add(string.Create(CultureInfo.InvariantCulture, $"('{code}', 'audit-2026-10', '{id}', 'QA{random.Next(1, 4)}', {Math.Clamp(recommended + Pick(random, [0, 0, 1, -1]), 1, 4)}, 'POLICE', DATE '2026-10-20')"));
                }
            }
        }

        connection.Execute($"""
            INSERT INTO fact.consultation (partnership, consultation_id, child_key, age_band, sex, ethnicity_group, disability, consultation_at, consultation_date,
                decision_date, locality, caller_agency, contact_source, contact_source_derived, consent, caller_level, likelihood, seriousness,
                recommended_level, recommended_implied, outcome, actual_level_recorded, team, framework_version, file_id, source_row, actual_level, actual_source,
                actual_window_end, indicated_level)
            VALUES {string.Join(",\n", rows)}
            """);
        if (events.Count > 0)
        {
            connection.Execute($"""
                INSERT INTO fact.annex_a_event (partnership, return_id, list_number, event_kind, child_key, event_date, end_date, second_date, referral_nfa, sheet, source_row)
                SELECT *, 'List', 2 FROM (VALUES {string.Join(",\n", events)})
                """);
        }

        if (audits.Count > 0)
        {
            connection.Execute($"INSERT INTO fact.audit_judgement VALUES {string.Join(",\n", audits)}");
        }

        connection.Execute($"""
            INSERT INTO ops.annex_a_returns SELECT 'return-{code}', '{code}', l, DATE '2024-10-01', DATE '2026-10-31', TIMESTAMPTZ '2026-11-02 09:00:00+00' FROM range(1, 8) t(l);
            INSERT INTO ops.loaded_files VALUES
                ('file-consultations', 'load-1', '{code}', 'consultations-2026-10.csv', 'aa', 1000, 'consultations', 'loaded', NULL, TIMESTAMPTZ '2026-11-02 08:00:00+00', {n + 5}, {n}, 5, 2),
                ('file-annex', 'load-1', '{code}', 'annex-a-2026-10.xlsx', 'bb', 5000, 'annex_a', 'loaded', NULL, TIMESTAMPTZ '2026-11-02 09:00:00+00', 600, 600, 0, 0),
                ('file-bad', 'load-1', '{code}', 'junk.csv', 'cc', 10, NULL, 'unrecognised', 'no known header', TIMESTAMPTZ '2026-11-02 09:30:00+00', 0, 0, 0, 0);
            INSERT INTO ops.rejects VALUES
                ('file-consultations', '{code}', 'consultations-2026-10.csv', 'aa', NULL, 17, 'consultation_date', '31/02/2026', 'consultation_date ''31/02/2026'' is not a date'),
                ('file-consultations', '{code}', 'consultations-2026-10.csv', 'aa', NULL, 18, 'consultation_date', '30/02/2026', 'consultation_date ''30/02/2026'' is not a date'),
                ('file-consultations', '{code}', 'consultations-2026-10.csv', 'aa', NULL, 40, 'locality', 'XYZ', 'locality ''XYZ'' is not a locality of the partnership'),
                ('file-consultations', '{code}', 'consultations-2026-10.csv', 'aa', NULL, 41, 'consultation_id', 'DUP-77', 'consultation_id ''DUP-77'' appears 2 times in this file (rows 41, 42); every copy is rejected: keep one'),
                ('file-consultations', '{code}', 'consultations-2026-10.csv', 'aa', NULL, 42, 'consultation_id', 'DUP-77', 'consultation_id ''DUP-77'' appears 2 times in this file (rows 41, 42); every copy is rejected: keep one');
            INSERT INTO ops.data_quality_warnings VALUES
                ('file-consultations', '{code}', NULL, 21, 'disability', 'perhaps', 'disability ''perhaps'' is not yes or no'),
                ('file-consultations', '{code}', NULL, 22, 'disability', 'maybe', 'disability ''maybe'' is not yes or no');
            """);
        return ids;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static string Sql(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";
}
