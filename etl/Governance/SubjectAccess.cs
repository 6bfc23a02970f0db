using System.Globalization;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Governance;

/// <summary>
/// Subject access, rectification and erasure for one child, found by the child's raw id through
/// its keyed pseudonym under the current key chain. The raw id is used in memory to compute the
/// pseudonym and is then dropped: it is never written to the warehouse, a log or an exception
/// message. Every action is recorded in <c>ops.governance_log</c> with the pseudonym, the
/// action, the operating-system user and the time.
/// </summary>
/// <remarks>
/// The command-line host must read the raw id from standard input or a prompt without echo,
/// never from the command line (shell history and <c>ps</c> keep arguments).
/// </remarks>
public sealed class SubjectAccess(PseudonymKeyChain keys, TimeProvider clock)
{
    private const string ConsultationsSql = """
        SELECT c.partnership, c.consultation_id, c.consultation_date, c.decision_date, c.locality, c.caller_agency,
               c.contact_source, c.consent, c.outcome, c.recommended_level, c.actual_level, c.actual_source,
               c.indicated_level,
               (SELECT coalesce(list(i.indicator_code ORDER BY i.indicator_code), []) FROM fact.consultation_indicator i
                WHERE i.partnership = c.partnership AND i.consultation_id = c.consultation_id),
               c.birth_month, c.sex, c.ethnicity, c.disability
        FROM fact.consultation c
        JOIN temp.main.governance_children g ON g.partnership = c.partnership AND g.child_key = c.child_key
        ORDER BY c.consultation_at, c.partnership, c.consultation_id
        """;

    private const string EventsSql = """
        SELECT e.partnership, e.list_number, e.event_kind, e.event_date, e.end_date, e.second_date
        FROM fact.annex_a_event e
        JOIN temp.main.governance_children g ON g.partnership = e.partnership AND g.child_key = e.child_key
        ORDER BY e.event_date, e.list_number, e.partnership
        """;

    private const string ErasedSql = """
        SELECT e.partnership FROM ops.erased_children e
        JOIN temp.main.governance_children g ON g.partnership = e.partnership AND g.child_key = e.child_key
        ORDER BY e.partnership
        """;

    /// <summary>The pseudonym of a raw child id under the current key chain (normalised first).</summary>
    public string PseudonymOf(string rawId)
    {
        RequireId(rawId, nameof(rawId));
        return keys.Pseudonym(rawId);
    }

    /// <summary>
    /// Finds and returns everything held about a child, and records the look-up (action
    /// <see cref="GovernanceLog.View"/>): seeing a child's records is itself an access to them.
    /// </summary>
    /// <param name="connection">The warehouse, open for writing (the look-up is logged).</param>
    /// <param name="rawId">The child's id as the partnership's systems hold it.</param>
    /// <param name="partnership">The partnership; null to search every partnership.</param>
    public SubjectRecords Find(DuckDbConnection connection, string rawId, string? partnership = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var pseudonym = PseudonymOf(rawId);
        var history = History(connection, rawId);
        try
        {
            using var transaction = connection.BeginTransaction();
            ChildRecords.Target(connection, partnership, pseudonym);
            var counts = ChildRecords.Count(connection);
            var records = new SubjectRecords(pseudonym, partnership, Erased(connection), Consultations(connection), Events(connection), counts, history);
            GovernanceLog.Append(connection, clock.GetUtcNow(), GovernanceLog.View, GovernanceLog.Counts(counts.Where(c => c.Value > 0)),
                partnership, pseudonym, keyGeneration: keys.Keys.Count);
            transaction.Commit();
            return records;
        }
        finally
        {
            ChildRecords.Release(connection);
        }
    }

    /// <summary>
    /// Erases a child in a partnership: deletes every row about the child in every table (facts,
    /// indicators, analytics results, audit judgements) and puts the pseudonym on the erasure
    /// list (<c>ops.erased_children</c>), which every later load checks, so an overlapping Annex A
    /// return or a re-sent consultation does not bring the records back. One transaction.
    /// </summary>
    /// <remarks>Rejects hold no child key and cannot be attributed to a child; they are not searched.</remarks>
    public SubjectActionReport Erase(DuckDbConnection connection, string partnership, string rawId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(partnership);
        var pseudonym = PseudonymOf(rawId);
        var now = clock.GetUtcNow();
        try
        {
            using var transaction = connection.BeginTransaction();
            ChildRecords.Target(connection, partnership, pseudonym);
            var deleted = ChildRecords.Delete(connection);
            using (var command = new DuckDbCommand(
                "INSERT INTO ops.erased_children (partnership, child_key, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", connection))
            {
                command.Parameters.AddValue(partnership);
                command.Parameters.AddValue(pseudonym);
                command.Parameters.AddValue(now);
                var added = command.ExecuteNonQuery();
                GovernanceLog.Append(connection, now, GovernanceLog.Erase,
                    $"deleted {GovernanceLog.Counts(deleted)}; {(added > 0 ? "added to the erasure list" : "already on the erasure list")}",
                    partnership, pseudonym, keyGeneration: keys.Keys.Count);
            }
            transaction.Commit();
            return new SubjectActionReport(GovernanceLog.Erase, partnership, pseudonym, null, deleted);
        }
        finally
        {
            ChildRecords.Release(connection);
        }
    }

    /// <summary>
    /// Rectifies a wrong child id: moves the records held under <paramref name="wrongRawId"/> to
    /// <paramref name="rightRawId"/> in a partnership — all of them, or only the consultations
    /// listed (with their indicators and results; Annex A events then stay, as the council's
    /// return is their source). One transaction. Derive the partnership's levels afterwards
    /// when <see cref="SubjectActionReport.NeedsDerivation"/> says so.
    /// </summary>
    /// <remarks>
    /// The source system must be corrected too: a later file that sends the consultation under
    /// the wrong id again replaces it, as any re-sent consultation does.
    /// </remarks>
    /// <exception cref="ArgumentException">The two ids are the same child, or a listed consultation is not held under the wrong id.</exception>
    /// <exception cref="InvalidOperationException">The right id is on the partnership's erasure list.</exception>
    public SubjectActionReport Correct(DuckDbConnection connection, string partnership, string wrongRawId, string rightRawId,
        IReadOnlyCollection<string>? consultationIds = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(partnership);
        var from = PseudonymOf(wrongRawId);
        var to = PseudonymOf(rightRawId);
        if (from == to) throw new ArgumentException("The wrong and the right child id are the same child once trimmed and upper-cased; nothing to correct.", nameof(rightRawId));
        var now = clock.GetUtcNow();

        using var transaction = connection.BeginTransaction();
        using (var erased = new DuckDbCommand("SELECT count(*) FROM ops.erased_children WHERE partnership = $1 AND child_key = $2", connection))
        {
            erased.Parameters.AddValue(partnership);
            erased.Parameters.AddValue(to);
            if (Convert.ToInt64(erased.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                throw new InvalidOperationException("The right child id is on the erasure list of this partnership: records cannot be moved to an erased child.");
        }
        if (consultationIds is not null)
        {
            var wanted = consultationIds.Distinct(StringComparer.Ordinal).ToArray();
            using var held = new DuckDbCommand(
                "SELECT count(*) FROM fact.consultation WHERE partnership = $1 AND child_key = $2 AND list_contains($3, consultation_id)", connection);
            held.Parameters.AddValue(partnership);
            held.Parameters.AddValue(from);
            held.Parameters.AddValue(wanted);
            var found = Convert.ToInt64(held.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (wanted.Length == 0 || found != wanted.Length)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{wanted.Length - found} of the {wanted.Length} consultations given are not held under the wrong child id in {partnership}; nothing was moved."), nameof(consultationIds));
        }
        var moved = ChildRecords.Move(connection, partnership, from, to, consultationIds);
        GovernanceLog.Append(connection, now, GovernanceLog.Correct,
            $"moved {GovernanceLog.Counts(moved)}{(consultationIds is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (only {consultationIds.Count} listed consultations)"))}",
            partnership, from, to, keys.Keys.Count);
        transaction.Commit();
        return new SubjectActionReport(GovernanceLog.Correct, partnership, from, to, moved);
    }

    /// <summary>Governance log entries about the child under every generation of the key chain.</summary>
    private List<GovernanceLogEntry> History(DuckDbConnection connection, string rawId)
    {
        var pseudonyms = new HashSet<string>(StringComparer.Ordinal);
        for (var generation = 1; generation <= keys.Keys.Count; generation++)
            pseudonyms.Add(PseudonymKeyChain.FromKeys(keys.Keys.Take(generation).ToList()).Pseudonym(rawId));
        return GovernanceLog.Read(connection)
            .Where(e => (e.Pseudonym is not null && pseudonyms.Contains(e.Pseudonym)) || (e.OtherPseudonym is not null && pseudonyms.Contains(e.OtherPseudonym)))
            .ToList();
    }

    private static List<string> Erased(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand(ErasedSql, connection);
        using var reader = command.ExecuteReader();
        var partnerships = new List<string>();
        while (reader.Read()) partnerships.Add(reader.GetString(0));
        return partnerships;
    }

    private static List<SubjectConsultation> Consultations(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand(ConsultationsSql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<SubjectConsultation>();
        while (reader.Read())
        {
            rows.Add(new SubjectConsultation(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetInt32(12),
                reader.IsDBNull(13) ? [] : (string[])reader.GetValue(13),
                reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14),
                reader.IsDBNull(15) ? null : reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16),
                reader.IsDBNull(17) ? null : reader.GetBoolean(17)));
        }
        return rows;
    }

    private static List<SubjectEvent> Events(DuckDbConnection connection)
    {
        using var command = new DuckDbCommand(EventsSql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<SubjectEvent>();
        while (reader.Read())
        {
            rows.Add(new SubjectEvent(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<DateOnly>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        }
        return rows;
    }

    private static void RequireId(string rawId, string name)
    {
        // The message never repeats the value: it may be a real child's id.
        if (string.IsNullOrWhiteSpace(rawId)) throw new ArgumentException("A child id is needed (it was blank).", name);
    }
}
