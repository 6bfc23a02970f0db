using Warehouse.Etl.Tests.Support;

namespace Warehouse.Etl.Tests.Governance;

/// <summary>Rows the governance tests write directly: analytics results and audit judgements keyed by a child or a consultation.</summary>
public static class GovernanceData
{
    /// <summary>An analytics exception (a case-level result) for a loaded consultation, under a check run of the partnership.</summary>
    public static void AddException(LoadHarness harness, string consultationId, string runId = "run-1")
    {
        harness.Connection.Execute($$"""
            INSERT INTO analytics.check_runs
            SELECT '{{runId}}', 'warwickshire', DATE '2026-09-01', NULL, DATE '2026-09-01', DATE '2025-09-01', DATE '2026-11-01', false,
                   '2024-01', 30, 10, 7, 2, 4, 2, 'test', now(), now(), 0
            WHERE NOT EXISTS (SELECT 1 FROM analytics.check_runs WHERE run_id = '{{runId}}');
            INSERT INTO analytics.exceptions
            SELECT '{{runId}}', DATE '2026-09-01', 'serious_under', consultation_id, child_key, consultation_date, locality, caller_agency, '{}'
            FROM fact.consultation WHERE consultation_id = '{{consultationId}}';
            INSERT INTO fact.audit_judgement VALUES ('warwickshire', 'audit-1', '{{consultationId}}', 'QA-07', 3, 'SCHOOL', DATE '2026-10-01');
            """);
    }
}
