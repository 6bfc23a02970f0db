using System.Globalization;
using Warehouse.Analytics.Runs;
using Warehouse.Store.DuckDb;

namespace Warehouse.Analytics.Audit;

/// <summary>
/// Draws the stratified random sample of a threshold audit (<c>warehouse audit sample</c>): the
/// month's assessable consultations, stratified by locality × agreement category with every serious
/// under-response included, shared out among the auditors with a share given to two of them for
/// moderation. docs/audit.md documents the design; the design itself is stored with the sample.
/// </summary>
public static class AuditSampler
{
    private static readonly string[] TempObjects = ["TABLE aud_selected", "TABLE aud_allocation", "TABLE aud_population", "TABLE aud_params"];

    private const string StrataSql = """
        SELECT stratum, any_value(locality), any_value(category), count(*)::BIGINT
        FROM aud_population
        GROUP BY stratum
        ORDER BY stratum
        """;

    private const string SelectedSql = """
        SELECT consultation_id, stratum, recommended_level, actual_level, actual_source, assign_key, order_key, moderation_key
        FROM aud_selected
        """;

    private const string InsertSampleSql = """
        INSERT INTO fact.audit_sample (audit_id, partnership, period, seed, size, design, created_at, blind, cut_off)
        VALUES ($audit_id, $partnership, $period, $seed, $size, $design, $created_at, $blind, $cut_off)
        """;

    /// <summary>
    /// Draws the sample and stores it (<c>fact.audit_sample</c>, <c>fact.audit_sample_stratum</c>,
    /// <c>fact.audit_sample_case</c>) in one transaction on <paramref name="connection"/>, which must be
    /// open, at the current schema version, with no transaction in progress.
    /// </summary>
    /// <param name="connection">The warehouse.</param>
    /// <param name="request">The partnership, month, size, seed and auditors.</param>
    /// <param name="timeProvider">The clock for the time the sample was drawn.</param>
    /// <param name="cancellationToken">Interrupts the running statement; nothing is stored.</param>
    /// <returns>The sample: its audit id (the key of every row), strata and cases.</returns>
    /// <exception cref="ArgumentException">The request is not valid (month, size, auditor references, moderation with one auditor).</exception>
    /// <exception cref="InvalidOperationException">The partnership is unknown, or the month has no assessable consultation.</exception>
    public static AuditSample Draw(DuckDbConnection connection, AuditSampleRequest request, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        request.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        if (connection.Scalar<long>("SELECT count(*) FROM dim.partnership WHERE partnership = $1", request.Partnership) == 0)
        {
            throw new InvalidOperationException($"'{request.Partnership}' is not a partnership of this warehouse.");
        }

        using var interrupt = cancellationToken.Register(connection.Interrupt);
        try
        {
            return DrawSample(connection, request, timeProvider, cancellationToken);
        }
        catch (DuckDbException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The audit sample was cancelled; nothing was stored.", e, cancellationToken);
        }
        finally
        {
            DropTemporaries(connection);
        }
    }

    private static AuditSample DrawSample(DuckDbConnection connection, AuditSampleRequest request, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using (var command = new DuckDbCommand(SqlScripts.Read("Audit/Sql/population.sql"), connection))
        {
            command.Parameters.Add("partnership", request.Partnership);
            command.Parameters.Add("period", request.MonthStart);
            command.Parameters.Add("cut_off", request.CutOff);
            command.Parameters.Add("window_days", request.WindowDays);
            command.ExecuteNonQuery();
        }

        var cutOff = connection.Scalar<DateOnly>("SELECT cut_off FROM aud_params");
        var sizes = new List<(StratumSize Size, string Locality, string Category)>();
        using (var command = new DuckDbCommand(StrataSql, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var category = reader.GetString(2);
                sizes.Add((new StratumSize(reader.GetString(0), reader.GetInt64(3), category == AuditCategories.SeriousUnder), reader.GetString(1), category));
            }
        }

        if (sizes.Count == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{request.Partnership} has no assessable consultation in {request.Month} at the data cut-off {cutOff:yyyy-MM-dd} (recommended level recorded, and an actual level recorded or derived from Annex A with its window closed): there is nothing to sample."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (sampled, notes) = StratumAllocation.Allocate(sizes.Select(s => s.Size).ToList(), request.Size, request.MinimumPerStratum);
        var strata = sizes.Select((s, h) => new AuditStratum(s.Size.Stratum, s.Locality, s.Category, s.Size.Population, sampled[h], s.Size.TakeAll || sampled[h] == s.Size.Population)).ToList();

        connection.Execute("CREATE OR REPLACE TEMP TABLE aud_allocation (stratum VARCHAR NOT NULL, sampled INTEGER NOT NULL)");
        using (var appender = connection.CreateAppender("aud_allocation", "main", "temp"))
        {
            foreach (var stratum in strata)
            {
                appender.AppendRow(stratum.Stratum, stratum.Sampled);
            }
        }

        using (var command = new DuckDbCommand(SqlScripts.Read("Audit/Sql/select.sql"), connection))
        {
            command.Parameters.Add("seed", request.Seed);
            command.ExecuteNonQuery();
        }

        var selected = new List<SelectedCase>();
        using (var command = new DuckDbCommand(SelectedSql, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                selected.Add(new SelectedCase(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7)));
            }
        }

        var inclusion = strata.ToDictionary(s => s.Stratum, s => s.InclusionProbability, StringComparer.Ordinal);
        var cases = AuditorAssignment.Assign(selected, request.Auditors, request.ModerationShare, inclusion);
        var createdAt = timeProvider.GetUtcNow();
        var auditId = string.Create(CultureInfo.InvariantCulture,
            $"audit-{request.Partnership}-{request.MonthStart:yyyy-MM}-{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8]}");
        var sample = new AuditSample(auditId, request.Partnership, request.MonthStart, request.Seed, request.Size, cutOff, request.Blind, createdAt, strata, cases, notes)
        {
            Auditors = [.. request.Auditors],
        };

        cancellationToken.ThrowIfCancellationRequested();
        Store(connection, sample, AuditDesign.Write(sample, request, request.WindowDays), selected.ToDictionary(c => c.ConsultationId, StringComparer.Ordinal));
        return sample;
    }

    private static void Store(DuckDbConnection connection, AuditSample sample, string design, Dictionary<string, SelectedCase> levels)
    {
        using var transaction = connection.BeginTransaction();
        using (var command = new DuckDbCommand(InsertSampleSql, connection))
        {
            command.Parameters.Add("audit_id", sample.AuditId);
            command.Parameters.Add("partnership", sample.Partnership);
            command.Parameters.Add("period", sample.Period);
            command.Parameters.Add("seed", sample.Seed);
            command.Parameters.Add("size", sample.RequestedSize);
            command.Parameters.Add("design", design);
            command.Parameters.Add("created_at", sample.CreatedAt);
            command.Parameters.Add("blind", sample.Blind);
            command.Parameters.Add("cut_off", sample.CutOff);
            command.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("audit_sample_stratum", "fact"))
        {
            foreach (var s in sample.Strata)
            {
                appender.AppendRow(sample.AuditId, s.Stratum, s.Locality, s.Category, s.Population, s.Sampled, s.InclusionProbability, s.TakeAll);
            }
        }

        using (var appender = connection.CreateAppender("audit_sample_case", "fact"))
        {
            foreach (var c in sample.Cases)
            {
                var level = levels[c.ConsultationId];
                appender.AppendRow(sample.AuditId, sample.Partnership, c.ConsultationId, c.CaseNumber, c.Stratum, c.InclusionProbability, c.AuditorRef, false,
                    level.RecommendedLevel, level.ActualLevel, level.ActualSource);
                if (c.ModeratorRef is { } moderator)
                {
                    appender.AppendRow(sample.AuditId, sample.Partnership, c.ConsultationId, c.CaseNumber, c.Stratum, c.InclusionProbability, moderator, true,
                        level.RecommendedLevel, level.ActualLevel, level.ActualSource);
                }
            }
        }

        transaction.Commit();
    }

    private static void DropTemporaries(DuckDbConnection connection)
    {
        try
        {
            foreach (var item in TempObjects)
            {
                connection.Execute($"DROP {item.Replace(" ", " IF EXISTS ", StringComparison.Ordinal)}");
            }
        }
        catch (DuckDbException)
        {
            // An interrupted connection may refuse; its temp tables go when it closes.
        }
    }
}
