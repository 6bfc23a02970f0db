using System.Security.Cryptography;
using Warehouse.Etl.Inbox;
using Warehouse.Etl.Pseudonymisation;
using Warehouse.Etl.Sources.AnnexA;
using Warehouse.Etl.Sources.Consultations;
using Warehouse.Etl.Sources.Reference;
using Warehouse.Etl.Staging;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Loading;

/// <summary>
/// Loads everything in the inbox into the warehouse: recognises each file by its content, loads
/// it all-or-nothing in its own transaction, moves it to processed/, rejected/ or unrecognised/,
/// and re-derives actual and indicated levels for every partnership whose data changed.
/// </summary>
/// <remarks>One load at a time per warehouse: DuckDB locks the file against other processes, and
/// <see cref="Gates"/> refuses a second load of the same warehouse inside one process.</remarks>
public sealed class InboxLoader(FrameworkCatalog frameworks, ReferenceDataSet reference, LoadOptions options, TimeProvider clock)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Loads the inbox into an open warehouse connection (the caller opened and migrated it).</summary>
    /// <param name="connection">The warehouse.</param>
    /// <param name="inbox">The inbox folder (<c>&lt;inbox&gt;/&lt;partnership&gt;/&lt;file&gt;</c>).</param>
    /// <param name="keys">The pseudonymisation keys.</param>
    /// <param name="progress">Told about each file as it is loaded.</param>
    /// <param name="cancellationToken">Stops between files; a file in progress is rolled back.</param>
    public LoadReport Load(DuckDbConnection connection, string inbox, PseudonymKeyChain keys,
        IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var gate = Gates.GetOrAdd(connection.DataSource, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(TimeSpan.Zero, cancellationToken))
            throw new InvalidOperationException($"Another load of '{connection.DataSource}' is already running; wait for it to finish.");
        try
        {
            return LoadLocked(connection, inbox, keys, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private LoadReport LoadLocked(DuckDbConnection connection, string inbox, PseudonymKeyChain keys,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var runId = Guid.NewGuid().ToString();
        var now = clock.GetUtcNow();
        FrameworkSync.Apply(connection, frameworks, reference);

        var entries = InboxFolders.Scan(inbox, options.MaxFileBytes);
        var results = new List<FileLoadResult>();
        var refusals = new List<string>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        // One checkpoint at the end instead of one at most files' commits: each checkpoint of a
        // growing fact table cost more than the file's own work (commits took 30 s of a 1,000,000-row
        // load). Committed files are safe in the write-ahead log meanwhile; the threshold still caps
        // how much a very large load holds before a checkpoint.
        connection.Execute("SET checkpoint_threshold = '1GB'");
        try
        {
            LoadEntries(connection, keys, entries, results, refusals, changed, runId, now, progress, cancellationToken);
            // Every partnership with a file loaded since its last derivation, by this load or by one
            // that stopped before deriving (recorded with each file, in its transaction).
            changed.UnionWith(Lineage.PendingDerivations(connection));
            foreach (var partnership in changed.Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Derive(connection, partnership, cutOff: null);
            }
            StepTimings.Measure("checkpoint", () => connection.Execute("CHECKPOINT"));
        }
        finally
        {
            // Not over the error that ended the load, if the connection went with it.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    connection.Execute("RESET checkpoint_threshold");
                }
                catch (DuckDbException)
                {
                }
            }
        }

        var purged = InboxFolders.PurgeProcessed(inbox, options.ProcessedRetentionDays, now);
        return new LoadReport(runId, results, refusals, changed.Order(StringComparer.Ordinal).ToList(), purged);
    }

    private void LoadEntries(DuckDbConnection connection, PseudonymKeyChain keys, List<InboxEntry> entries,
        List<FileLoadResult> results, List<string> refusals, HashSet<string> changed, string runId, DateTimeOffset now,
        IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        using (var staging = StagingArea.Attach(connection, keys))
        {
            var context = new LoadContext(connection, frameworks, options, runId, now);
            for (var i = 0; i < entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = entries[i];
                progress?.Report(new LoadProgress(i, entries.Count, entry.Name));
                if (entry.Refusal is not null)
                {
                    refusals.Add(entry.Refusal);
                    if (File.Exists(entry.Path) || new FileInfo(entry.Path).LinkTarget is not null)
                        InboxFolders.MoveTo(entry.Path, InboxFolders.Rejected, now);
                    continue;
                }
                var result = LoadOne(context, entry);
                // The pseudonym macro lives in the connection's temporary catalog and survives the reset.
                StepTimings.Measure("file: clear staging", staging.Clear);
                results.Add(result);
                if (result.ChangedData) changed.Add(result.Partnership);
                InboxFolders.MoveTo(entry.Path, result.Outcome switch
                {
                    FileOutcome.Loaded or FileOutcome.Duplicate => InboxFolders.Processed,
                    FileOutcome.Rejected => InboxFolders.Rejected,
                    _ => InboxFolders.Unrecognised,
                }, now);
            }
            progress?.Report(new LoadProgress(entries.Count, entries.Count, null));
        }
    }

    /// <summary>Re-derives the actual levels of a partnership's consultations (CONTRACT.md section 3).</summary>
    /// <param name="connection">The warehouse.</param>
    /// <param name="partnership">The partnership.</param>
    /// <param name="cutOff">The data cut-off; null for the latest date the loaded sources cover.</param>
    public void Derive(DuckDbConnection connection, string partnership, DateOnly? cutOff)
    {
        using var transaction = connection.BeginTransaction();
        var parameters = new Dictionary<string, object?>
        {
            ["partnership"] = partnership,
            ["window_days"] = options.ActualLevelWindowDays,
            ["cutoff"] = cutOff ?? DataCutOff(connection, partnership),
        };
        SqlScript.Run(connection, "Derivation.actual_levels.sql", parameters);
        using (var done = new DuckDbCommand("DELETE FROM ops.derivation_pending WHERE partnership = $1", connection))
        {
            done.Parameters.AddValue(partnership);
            done.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>
    /// The latest date the loaded sources cover: the end of the newest Annex A return's coverage
    /// when returns are loaded (actual levels come from them), else the latest consultation date.
    /// </summary>
    public static DateOnly DataCutOff(DuckDbConnection connection, string partnership)
    {
        using var command = new DuckDbCommand("""
            SELECT coalesce(
                (SELECT max(coverage_end) FROM ops.annex_a_returns WHERE partnership = $1 AND list_number <= 5),
                (SELECT max(consultation_date) FROM fact.consultation WHERE partnership = $1),
                DATE '2000-01-01')
            """, connection);
        command.Parameters.AddValue(partnership);
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetFieldValue<DateOnly>(0);
    }

    private FileLoadResult LoadOne(LoadContext context, InboxEntry entry)
    {
        var fileId = Guid.NewGuid().ToString();
        var info = new FileInfo(entry.Path);
        var file = new SourceFile(entry.Path, entry.Partnership ?? "(none)", fileId, StepTimings.Measure("file: sha-256", () => Sha256(entry.Path)), info.Length);

        if (entry.Partnership is null || !frameworks.TryGet(entry.Partnership, out _))
        {
            return Finish(context, file, null, FileOutcome.Unrecognised, entry.Partnership is null
                ? "the file is not inside a partnership's folder (<inbox>/<partnership>/<file>)"
                : $"'{entry.Partnership}' is not a partnership with a framework (known: {string.Join(", ", frameworks.Partnerships)})");
        }
        if (Lineage.PreviouslyLoaded(context.Connection, file.Partnership, file.Sha256) is { } earlier)
        {
            return Finish(context, file, null, FileOutcome.Duplicate,
                $"the same bytes were loaded on {earlier:yyyy-MM-dd HH:mm} UTC; nothing changed");
        }

        var recognition = FileRecogniser.Recognise(entry.Path, options.MaxWorkbookInflatedBytes);
        try
        {
            return recognition.Kind switch
            {
                FileKind.Consultations => ConsultationLoader.Load(context, file),
                FileKind.AnnexAWorkbook => AnnexALoader.LoadWorkbook(context, file, new XlsxReaderOptions { MaxPartBytes = options.MaxWorkbookInflatedBytes, MaxTotalBytes = options.MaxWorkbookInflatedBytes }),
                FileKind.AnnexAList => AnnexALoader.LoadListCsv(context, file, recognition.AnnexAList!.Value),
                FileKind.Localities or FileKind.Agencies or FileKind.BankHolidays or FileKind.NationalComparators =>
                    ReferenceLoader.Load(context, file, recognition),
                FileKind.AuditReturn => Sources.Audit.AuditReturnLoader.Load(context, file, new XlsxReaderOptions { MaxPartBytes = options.MaxWorkbookInflatedBytes, MaxTotalBytes = options.MaxWorkbookInflatedBytes }),
                _ => Finish(context, file, null, FileOutcome.Unrecognised, recognition.Reason),
            };
        }
        catch (Exception e) when (e is FileRefusedException or XlsxReadException)
        {
            return Finish(context, file, recognition.KindCode, FileOutcome.Rejected, e.Message);
        }
        catch (DuckDbException e) when (!e.IsInterrupted && !e.IsEnvironmentFault)
        {
            // Whatever the file holds, the loader does not crash: the file is refused with DuckDB's reason.
            // A full disk or a failing machine is not the file's fault: that error ends the load, and
            // the file stays in the inbox for the next one.
            return Finish(context, file, recognition.KindCode, FileOutcome.Rejected, $"the file could not be loaded: {e.Message.Split('\n')[0]}");
        }
    }

    private static FileLoadResult Finish(LoadContext context, SourceFile file, string? kind, FileOutcome outcome, string? reason)
    {
        // A failed file's partial work was never committed; the staging database holds it until the next file.
        var result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, kind, outcome, reason, 0, 0, 0, 0);
        using var transaction = context.Connection.BeginTransaction();
        Lineage.Record(context, file, result);
        transaction.Commit();
        return result;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
