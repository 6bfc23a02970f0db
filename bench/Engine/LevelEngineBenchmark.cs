using System.Diagnostics;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Bench.Engine;

/// <summary>
/// The level engine over N consultations' indicator lists (0–6 indicators each, seeded), against
/// DuckDB computing the simplest equivalent — the highest indicator level per consultation — over
/// the same data in the same run.
/// </summary>
internal static class LevelEngineBenchmark
{
    internal static Measurement Run(long consultations)
    {
        var framework = FrameworkCatalog.LoadEmbedded().Get("warwickshire").Latest;
        var random = new Random(20261122);
        var counts = new byte[consultations];
        var ids = new int[consultations * 6];
        long total = 0;
        for (long i = 0; i < consultations; i++)
        {
            var n = random.Next(0, 7);
            counts[i] = (byte)n;
            for (var j = 0; j < n; j++) ids[total++] = random.Next(framework.Indicators.Count);
        }

        var engine = Stopwatch.StartNew();
        long offset = 0, levels = 0;
        for (long i = 0; i < consultations; i++)
        {
            var result = LevelEngine.Indicate(framework, ids.AsSpan((int)offset, counts[i]));
            levels += result.Level ?? 0;
            offset += counts[i];
        }
        engine.Stop();

        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        connection.Execute("CREATE TABLE levels (indicator INTEGER, level INTEGER)");
        using (var appender = connection.CreateAppender("levels"))
        {
            foreach (var indicator in framework.Indicators) appender.AppendRow(indicator.Id, indicator.Level.Number);
        }
        connection.Execute("CREATE TABLE pairs (consultation BIGINT, indicator INTEGER)");
        using (var appender = connection.CreateAppender("pairs"))
        {
            offset = 0;
            for (long i = 0; i < consultations; i++)
            {
                for (var j = 0; j < counts[i]; j++) appender.Append(i).Append(ids[offset + j]).EndRow();
                offset += counts[i];
            }
        }
        var baseline = Stopwatch.StartNew();
        var check = new DuckDbCommand("SELECT sum(top) FROM (SELECT max(l.level) AS top FROM pairs p JOIN levels l USING (indicator) GROUP BY p.consultation)", connection).ExecuteScalar();
        baseline.Stop();
        GC.KeepAlive(check);
        return new Measurement("level engine", consultations, baseline.Elapsed, engine.Elapsed, Process.GetCurrentProcess().PeakWorkingSet64,
            "baseline: DuckDB's highest indicator level per consultation over the same pairs");
    }
}
