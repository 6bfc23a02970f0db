using Dapper;
using Warehouse.Store.DuckDb;

namespace Warehouse.App.Tests.Support;

/// <summary>Rows of ops.job_runs as the tests compare them (times in UTC).</summary>
internal sealed record RunRecord(string Job, string TriggerKind, DateTime? ScheduledFor, DateTime StartedAt, DateTime? FinishedAt, string? Outcome, string? Error, string? Produced, int Attempt)
{
    internal static IReadOnlyList<RunRecord> All(string warehouse)
    {
        DuckDbDapper.Register();
        return TestWarehouse.Query(warehouse, w => w.Query<RunRecord>("""
            SELECT job AS Job, trigger_kind AS TriggerKind, scheduled_for AS ScheduledFor, started_at AS StartedAt,
                   finished_at AS FinishedAt, outcome AS Outcome, error AS Error, produced AS Produced, attempt AS Attempt
            FROM ops.job_runs ORDER BY started_at, job, attempt
            """).ToList());
    }

    internal static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
