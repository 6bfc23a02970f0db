using System.Globalization;
using Warehouse.Analytics.Audit;
using Warehouse.Store.DuckDb;
using Warehouse.Store.Schema;

namespace Warehouse.Reports.Tests.Audit;

/// <summary>
/// An in-memory warehouse (the real schema) with one partnership shaped like Warwickshire's framework –
/// four named levels, outcomes, indicators, three localities – and September 2026's consultations,
/// from which audit samples are drawn through the analytics entry point (AuditSampler.Draw).
/// </summary>
public sealed class AuditWarehouse : IDisposable
{
    public const string Partnership = "shire";

    public static readonly string[] LevelNames = ["Universal", "Early Support", "Family Help", "Immediate protection"];

    public static readonly string[] LevelCodes = ["universal", "early_support", "family_help", "immediate_protection"];

    /// <summary>Outcome code, label and level.</summary>
    public static readonly (string Code, string Label, int Level)[] Outcomes =
    [
        ("advice", "Advice, information and guidance", 1),
        ("single_agency", "Single agency support", 2),
        ("family_help_assessment", "Family Help Assessment", 3),
        ("child_protection", "Strategy discussion / section 47", 4),
    ];

    public static readonly (string Code, string Wording)[] Indicators =
    [
        ("SH-1", "Parent struggles to set boundaries"),
        ("SH-2", "Child is missing from education"),
        ("SH-3", "Disclosure of sexual abuse"),
    ];

    public static readonly DateTimeOffset Now = new(2026, 11, 3, 9, 30, 0, TimeSpan.Zero);

    public AuditWarehouse()
    {
        Connection = new DuckDbConnection(":memory:");
        Connection.Open();
        Migrator.Apply(Connection);
        var sql = new List<string>
        {
            $"INSERT INTO dim.partnership VALUES ('{Partnership}', 'Shire Safeguarding Children Partnership')",
            $"INSERT INTO dim.framework_version VALUES ('{Partnership}', '2024-01', DATE '2024-01-01', NULL)",
            $"INSERT INTO dim.locality VALUES ('{Partnership}', 'NTH', 'North', 'North', 5000), ('{Partnership}', 'STH', 'South', 'South', 5000), ('{Partnership}', 'EST', 'East', 'East', 5000)",
            $"INSERT INTO dim.agency VALUES ('{Partnership}', 'POLICE', 'Police', 'police', '6'), ('{Partnership}', 'SCHOOL', 'School', 'education', '2A'), ('{Partnership}', 'LA_SOCIAL_CARE', 'Children''s social care', 'local_authority', '5A'), ('{Partnership}', 'FAMILY', 'Family member', 'individual', '1A'), ('{Partnership}', 'ANONYMOUS', 'Anonymous', 'other', '9')",
        };
        for (int level = 1; level <= 4; level++)
        {
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.level VALUES ('{Partnership}', '2024-01', {level}, '{LevelCodes[level - 1]}', '{LevelNames[level - 1]}')"));
        }

        foreach (var (code, label, level) in Outcomes)
        {
            sql.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO dim.outcome VALUES ('{Partnership}', '2024-01', '{code}', '{label}', {level}, true, {(level < 4 ? "true" : "false")})"));
        }

        foreach (var (code, wording) in Indicators)
        {
            sql.Add($"INSERT INTO dim.indicator VALUES ('{Partnership}', '2024-01', '{code}', 2, 'family', '{wording}', false)");
        }

        Connection.Execute(string.Join(";\n", sql));
        AddConsultations();
    }

    public DuckDbConnection Connection { get; }

    public static TimeProvider Clock { get; } = new Support.FixedClock(Now);

    /// <summary>Draws a sample of September 2026 with three auditors.</summary>
    public AuditSample Draw(bool blind, long seed = 11, double moderation = 0.2) => AuditSampler.Draw(Connection, new AuditSampleRequest
    {
        Partnership = Partnership,
        Month = "2026-09",
        Size = 24,
        Seed = seed,
        Auditors = ["QA1", "QA2", "QA3"],
        ModerationShare = moderation,
        Blind = blind,
        CutOff = new DateOnly(2026, 10, 31),
    }, Clock);

    /// <summary>60 consultations: per locality 12 agreed, 4 over, 3 under, 1 serious under-response.</summary>
    private void AddConsultations()
    {
        var localities = new[] { "NTH", "STH", "EST" };
        var agencies = new[] { "POLICE", "SCHOOL", "LA_SOCIAL_CARE" };
        var rows = new List<string>();
        var indicators = new List<string>();
        int n = 0;
        foreach (var locality in localities)
        {
            foreach (var (count, recommended, actual) in new[] { (12, 2, 2), (4, 2, 3), (3, 3, 2), (1, 4, 1) })
            {
                for (int i = 0; i < count; i++, n++)
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"C{n:000}");
                    var date = new DateOnly(2026, 9, 1 + (n % 28));
                    var outcome = Outcomes[recommended - 1].Code;
                    int indicated = Math.Min(4, recommended + (n % 3 == 0 ? 1 : 0));
                    rows.Add(string.Create(CultureInfo.InvariantCulture,
                        $"('{Partnership}', '{id}', 'key{n:000}', TIMESTAMP '{date:yyyy-MM-dd} 10:00', DATE '{date:yyyy-MM-dd}', DATE '{date:yyyy-MM-dd}', '{locality}', '{agencies[n % 3]}', '6', false, {n % 11}, {(n * 7) % 11}, {recommended}, false, '{outcome}', {actual}, '2024-01', 'file', {n + 2}, {actual}, 'recorded', {indicated})"));
                    indicators.Add($"('{Partnership}', '{id}', '{Indicators[n % 3].Code}')");
                    if (n % 4 == 0)
                    {
                        indicators.Add($"('{Partnership}', '{id}', '{Indicators[(n + 1) % 3].Code}')");
                    }
                }
            }
        }

        Connection.Execute($"""
            INSERT INTO fact.consultation (partnership, consultation_id, child_key, consultation_at, consultation_date, decision_date, locality, caller_agency,
                contact_source, contact_source_derived, likelihood, seriousness, recommended_level, recommended_implied, outcome, actual_level_recorded,
                framework_version, file_id, source_row, actual_level, actual_source, indicated_level)
            VALUES {string.Join(",\n", rows)};
            INSERT INTO fact.consultation_indicator VALUES {string.Join(", ", indicators)};
            """);
    }

    public void Dispose() => Connection.Dispose();
}
