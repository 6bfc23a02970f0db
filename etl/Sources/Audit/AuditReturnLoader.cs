using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Sources.Audit;

/// <summary>
/// Loads a completed audit workbook (CONTRACT.md section 6): links each judgement to its consultation
/// and its case in the audit's sample, rejects – with the sheet row – a row whose consultation is
/// unknown, whose level is not a level of the framework, or that fails another check, and replaces the
/// judgements of the same audit and auditor reference, no others. All in one transaction. The
/// rationale column is never read, so it can never be stored.
/// </summary>
internal static class AuditReturnLoader
{
    internal const string Kind = "audit_return";

    private const string AuditSql = "SELECT partnership FROM fact.audit_sample WHERE audit_id = $1";

    private const string CasesSql = "SELECT consultation_id, auditor_ref FROM fact.audit_sample_case WHERE audit_id = $1";

    private const string ConsultationsSql = """
        SELECT consultation_id, framework_version, consultation_date FROM fact.consultation
        WHERE partnership = $1 AND list_contains($2, consultation_id)
        """;

    private const string AgenciesSql = "SELECT agency_code, agency_name FROM dim.agency WHERE partnership = $1";

    private const string ReplaceSql = "DELETE FROM fact.audit_judgement WHERE audit_id = $1 AND auditor_ref = $2";

    internal static FileLoadResult Load(LoadContext context, SourceFile file, XlsxReaderOptions readerOptions)
    {
        var connection = context.Connection;
        var rows = AuditReturnReader.Read(file.Path, readerOptions);
        var audits = Audits(connection, rows);
        var foreign = audits.Where(a => !string.Equals(a.Value.Partnership, file.Partnership, StringComparison.Ordinal)).ToList();
        if (foreign.Count > 0)
        {
            throw new FileRefusedException(
                $"The return is for audit {foreign[0].Key} of partnership '{foreign[0].Value.Partnership}', not '{file.Partnership}': load it for that partnership (its inbox folder).");
        }

        var frameworks = context.Frameworks.Get(file.Partnership);
        var consultations = Consultations(connection, file.Partnership, rows);
        var agencies = Agencies(connection, file.Partnership);
        var judgements = new List<AuditJudgement>();
        var rejects = new List<AuditReturnReject>();
        var warnings = new List<AuditReturnReject>();
        int notJudged = 0;
        foreach (var row in rows)
        {
            if (row.NotJudged)
            {
                notJudged++;
                continue;
            }

            var problems = new List<AuditReturnReject>();
            var judgement = Check(row, context, audits, consultations, frameworks, agencies, problems, warnings);
            if (judgement is null)
            {
                rejects.AddRange(problems);
            }
            else
            {
                judgements.Add(judgement);
            }
        }

        // The same case twice for one auditor: which judgement stands is unknowable, so neither does.
        foreach (var twice in judgements.GroupBy(j => (j.AuditId, j.AuditorRef, j.ConsultationId)).Where(g => g.Count() > 1).ToList())
        {
            var at = string.Join(", ", twice.Select(j => j.RowNumber.ToString(CultureInfo.InvariantCulture)));
            foreach (var copy in twice)
            {
                rejects.Add(new AuditReturnReject(copy.RowNumber, AuditReturnColumns.ConsultationId, copy.ConsultationId,
                    $"consultation '{copy.ConsultationId}' is judged more than once by auditor {copy.AuditorRef} in this workbook (rows {at}); keep one row per case"));
                judgements.Remove(copy);
            }
        }

        if (judgements.Count == 0 && rejects.Count == 0)
        {
            throw new FileRefusedException(
                $"No case on sheet '{AuditReturnColumns.Sheet}' has an auditor's level ({rows.Count} case(s), none judged): there is nothing to load, and earlier judgements are kept.");
        }

        // The (audit, auditor) pairs this return speaks for: its judgements replace theirs, and nobody else's.
        var pairs = rows
            .Where(r => r.AuditId is not null && r.AuditorRef is not null && audits.TryGetValue(r.AuditId, out var a) && a.Auditors.Contains(r.AuditorRef))
            .Select(r => (AuditId: r.AuditId!, AuditorRef: r.AuditorRef!))
            .Distinct()
            .ToList();
        long rowsRead = rows.Count;
        long rowsRejected = rejects.Select(r => r.RowNumber).Distinct().LongCount();
        bool refused = rowsRead >= context.Options.RejectMinimumRows && rowsRejected > context.Options.RejectShareLimit * rowsRead;

        using var transaction = connection.BeginTransaction();
        FileLoadResult result;
        if (refused)
        {
            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, Kind, FileOutcome.Rejected,
                string.Create(CultureInfo.InvariantCulture,
                    $"{rowsRejected:N0} of {rowsRead:N0} rows ({(double)rowsRejected / rowsRead:P0}) are rejects, more than the {context.Options.RejectShareLimit:P0} allowed; nothing was loaded and earlier judgements are kept. The rejects and their reasons are in ops.rejects."),
                rowsRead, 0, rowsRejected, warnings.Count);
        }
        else
        {
            Publish(connection, file, pairs, judgements);
            var described = string.Join("; ", pairs.Select(p => $"audit {p.AuditId}, auditor {p.AuditorRef}"));
            var reason = string.Create(CultureInfo.InvariantCulture, $"{judgements.Count:N0} judgement(s) replace those of {described}");
            if (notJudged > 0)
            {
                reason += string.Create(CultureInfo.InvariantCulture, $"; {notJudged:N0} case(s) not yet judged");
            }

            if (rowsRejected > 0)
            {
                reason += string.Create(CultureInfo.InvariantCulture, $"; {rowsRejected:N0} row(s) rejected, see ops.rejects");
            }

            result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, Kind, FileOutcome.Loaded, reason, rowsRead, judgements.Count, rowsRejected, warnings.Count);
        }

        RecordRejects(connection, file, rejects);
        foreach (var warning in warnings)
        {
            Warnings.Record(connection, file, AuditReturnColumns.Sheet, warning.RowNumber, warning.Column, warning.Value, warning.Reason);
        }

        Lineage.Record(context, file, result);
        transaction.Commit();
        return result;
    }

    private static AuditJudgement? Check(
        AuditReturnRow row,
        LoadContext context,
        Dictionary<string, (string Partnership, HashSet<string> Auditors, HashSet<(string, string)> Cases)> audits,
        Dictionary<string, (string Version, DateOnly Date)> consultations,
        PartnershipFrameworks frameworks,
        Dictionary<string, string> agencies,
        List<AuditReturnReject> problems,
        List<AuditReturnReject> warnings)
    {
        void Reject(string column, string? value, string reason) => problems.Add(new AuditReturnReject(row.RowNumber, column, value, reason));

        (string Partnership, HashSet<string> Auditors, HashSet<(string, string)> Cases)? audit = null;
        if (row.AuditId is null)
        {
            Reject(AuditReturnColumns.AuditId, null, "the audit id is blank: it links the row to its sample; do not change the locked columns");
        }
        else if (audits.TryGetValue(row.AuditId, out var known))
        {
            audit = known;
        }
        else
        {
            Reject(AuditReturnColumns.AuditId, row.AuditId, $"audit '{row.AuditId}' is not an audit sample of this warehouse");
        }

        (string Version, DateOnly Date)? consultation = null;
        if (row.ConsultationId is null)
        {
            Reject(AuditReturnColumns.ConsultationId, null, "the consultation id is blank");
        }
        else if (consultations.TryGetValue(row.ConsultationId, out var found))
        {
            consultation = found;
        }
        else
        {
            Reject(AuditReturnColumns.ConsultationId, row.ConsultationId, $"consultation '{row.ConsultationId}' is not in the warehouse");
        }

        if (row.AuditorRef is null)
        {
            Reject(AuditReturnColumns.AuditorRef, null, "the auditor reference is blank: the warehouse filled it in; do not change the locked columns");
        }
        else if (audit is { } a && !a.Auditors.Contains(row.AuditorRef))
        {
            Reject(AuditReturnColumns.AuditorRef, row.AuditorRef, $"'{row.AuditorRef}' is not one of the auditors of audit {row.AuditId} ({string.Join(", ", a.Auditors.Order(StringComparer.Ordinal))})");
        }
        else if (audit is { } b && consultation is not null && !b.Cases.Contains((row.ConsultationId!, row.AuditorRef)))
        {
            Reject(AuditReturnColumns.ConsultationId, row.ConsultationId, $"consultation '{row.ConsultationId}' is not one of the cases audit {row.AuditId} gave to auditor {row.AuditorRef}");
        }

        int? level = null;
        if (row.Level is null)
        {
            Reject(AuditReturnColumns.AuditorLevel, null, "the auditor's level is blank, though the row has an agency or a date: choose a level from the list, or clear the row");
        }
        else
        {
            var framework = consultation is { } c
                ? frameworks.Versions.FirstOrDefault(v => v.Version == c.Version) ?? frameworks.VersionFor(c.Date) ?? frameworks.Latest
                : frameworks.Latest;
            var parsed = framework.ParseLevel(row.Level);
            if (parsed.Level is { } l)
            {
                level = l.Number;
            }
            else
            {
                Reject(AuditReturnColumns.AuditorLevel, row.Level, parsed.Error!);
            }
        }

        if (row.Date is null)
        {
            Reject(AuditReturnColumns.AuditDate, row.DateText, row.DateText is null
                ? "the audit date is blank: give the day the case was judged"
                : $"audit date '{row.DateText}' is not a date (use the list, or dd/mm/yyyy)");
        }
        else if (row.Date > context.Today)
        {
            Reject(AuditReturnColumns.AuditDate, row.DateText, string.Create(CultureInfo.InvariantCulture, $"audit date {row.Date:yyyy-MM-dd} is in the future"));
        }

        if (problems.Count > 0)
        {
            return null;
        }

        string? agency = null;
        if (row.Agency is not null && !agencies.TryGetValue(row.Agency.ToUpperInvariant(), out agency))
        {
            warnings.Add(new AuditReturnReject(row.RowNumber, AuditReturnColumns.AuditorAgency, row.Agency,
                $"auditor's agency '{row.Agency}' is not an agency of the reference data; the judgement is kept with the agency unknown"));
        }

        return new AuditJudgement(row.RowNumber, row.AuditId!, row.ConsultationId!, row.AuditorRef!, level!.Value, agency, row.Date!.Value);
    }

    private static Dictionary<string, (string Partnership, HashSet<string> Auditors, HashSet<(string, string)> Cases)> Audits(DuckDbConnection connection, List<AuditReturnRow> rows)
    {
        var audits = new Dictionary<string, (string, HashSet<string>, HashSet<(string, string)>)>(StringComparer.Ordinal);
        foreach (var auditId in rows.Select(r => r.AuditId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var partnership = connection.Scalar<string>(AuditSql, auditId);
            if (partnership is null)
            {
                continue;
            }

            var cases = new HashSet<(string, string)>();
            using (var command = new DuckDbCommand(CasesSql, connection))
            {
                command.Parameters.AddValue(auditId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    cases.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            audits[auditId] = (partnership, cases.Select(c => c.Item2).ToHashSet(StringComparer.Ordinal), cases);
        }

        return audits;
    }

    private static Dictionary<string, (string Version, DateOnly Date)> Consultations(DuckDbConnection connection, string partnership, List<AuditReturnRow> rows)
    {
        var ids = rows.Select(r => r.ConsultationId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var found = new Dictionary<string, (string, DateOnly)>(StringComparer.Ordinal);
        using var command = new DuckDbCommand(ConsultationsSql, connection);
        command.Parameters.AddValue(partnership);
        command.Parameters.AddValue(ids);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found[reader.GetString(0)] = (reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
        }

        return found;
    }

    /// <summary>Agency codes by their code and by their name, both upper-cased: an auditor may pick either.</summary>
    private static Dictionary<string, string> Agencies(DuckDbConnection connection, string partnership)
    {
        var agencies = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = new DuckDbCommand(AgenciesSql, connection);
        command.Parameters.AddValue(partnership);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var code = reader.GetString(0);
            agencies[code.ToUpperInvariant()] = code;
            agencies.TryAdd(reader.GetString(1).Trim().ToUpperInvariant(), code);
        }

        return agencies;
    }

    private static void Publish(DuckDbConnection connection, SourceFile file, List<(string AuditId, string AuditorRef)> pairs, List<AuditJudgement> judgements)
    {
        foreach (var (auditId, auditor) in pairs)
        {
            using var delete = new DuckDbCommand(ReplaceSql, connection);
            delete.Parameters.AddValue(auditId);
            delete.Parameters.AddValue(auditor);
            delete.ExecuteNonQuery();
        }

        using var appender = connection.CreateAppender("audit_judgement", "fact");
        foreach (var j in judgements)
        {
            appender.AppendRow(file.Partnership, j.AuditId, j.ConsultationId, j.AuditorRef, j.Level, j.Agency, j.Date);
        }
    }

    private static void RecordRejects(DuckDbConnection connection, SourceFile file, List<AuditReturnReject> rejects)
    {
        using var appender = connection.CreateAppender("rejects", "ops");
        foreach (var r in rejects.OrderBy(r => r.RowNumber))
        {
            appender.AppendRow(file.FileId, file.Partnership, file.FileName, file.Sha256, AuditReturnColumns.Sheet, (long)r.RowNumber, r.Column, r.Value, r.Reason);
        }
    }
}
