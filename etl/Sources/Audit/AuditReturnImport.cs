using System.Security.Cryptography;
using Warehouse.Etl.Inbox;
using Warehouse.Etl.Loading;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Sources.Audit;

/// <summary>
/// Imports one completed audit workbook from anywhere (<c>warehouse audit import &lt;file&gt;</c>); the
/// scheduled inbox load does the same for returns dropped in <c>&lt;inbox&gt;/&lt;partnership&gt;/</c>. The file
/// is recorded in <c>ops.loaded_files</c> whatever becomes of it, and is neither moved nor changed.
/// </summary>
public static class AuditReturnImport
{
    /// <summary>
    /// Loads the audit return at <paramref name="path"/> into the warehouse (CONTRACT.md section 6). The
    /// partnership is the one whose audit the workbook names. Loading the same bytes again changes nothing.
    /// </summary>
    /// <param name="connection">The warehouse: open, at the current schema version, no transaction in progress.</param>
    /// <param name="frameworks">The frameworks, whose levels the auditors' levels must be.</param>
    /// <param name="path">The completed workbook.</param>
    /// <param name="clock">The load's time (audit dates after today are refused).</param>
    /// <param name="options">Reject-share limits and workbook size guards; null for the defaults.</param>
    /// <returns>
    /// The outcome: <see cref="FileOutcome.Loaded"/> (rows rejected, if any, are in <c>ops.rejects</c> with their
    /// sheet row), <see cref="FileOutcome.Rejected"/> with the reason, <see cref="FileOutcome.Duplicate"/>, or
    /// <see cref="FileOutcome.Unrecognised"/> when the file is not an audit workbook.
    /// </returns>
    public static FileLoadResult Import(DuckDbConnection connection, FrameworkCatalog frameworks, string path, TimeProvider clock, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frameworks);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new LoadOptions();
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        var context = new LoadContext(connection, frameworks, options, Guid.NewGuid().ToString(), clock.GetUtcNow());
        var readerOptions = new XlsxReaderOptions { MaxPartBytes = options.MaxWorkbookInflatedBytes, MaxTotalBytes = options.MaxWorkbookInflatedBytes };
        string sha256;
        using (var stream = File.OpenRead(path))
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var recognition = FileRecogniser.Recognise(path, options.MaxWorkbookInflatedBytes);
        if (recognition.Kind != FileKind.AuditReturn)
        {
            return Finish(context, new SourceFile(path, "(none)", Guid.NewGuid().ToString(), sha256, info.Length), null, FileOutcome.Unrecognised,
                $"it is not an audit workbook (no sheet called '{AuditReturnColumns.Sheet}'): {recognition.Reason ?? recognition.KindCode}");
        }

        string? partnership;
        try
        {
            partnership = PartnershipOf(connection, path, readerOptions);
        }
        catch (Exception e) when (e is FileRefusedException or XlsxReadException)
        {
            return Finish(context, new SourceFile(path, "(none)", Guid.NewGuid().ToString(), sha256, info.Length), AuditReturnLoader.Kind, FileOutcome.Rejected, e.Message);
        }

        var file = new SourceFile(path, partnership ?? "(none)", Guid.NewGuid().ToString(), sha256, info.Length);
        if (partnership is null)
        {
            return Finish(context, file, AuditReturnLoader.Kind, FileOutcome.Rejected, "no row names an audit this warehouse drew (the 'Audit id' column); nothing was loaded");
        }

        if (!frameworks.TryGet(partnership, out _))
        {
            return Finish(context, file, AuditReturnLoader.Kind, FileOutcome.Rejected, $"'{partnership}' is not a partnership with a framework");
        }

        if (Lineage.PreviouslyLoaded(connection, partnership, sha256) is { } earlier)
        {
            return Finish(context, file, null, FileOutcome.Duplicate, $"the same bytes were loaded on {earlier:yyyy-MM-dd HH:mm} UTC; nothing changed");
        }

        try
        {
            return AuditReturnLoader.Load(context, file, readerOptions);
        }
        catch (Exception e) when (e is FileRefusedException or XlsxReadException)
        {
            return Finish(context, file, AuditReturnLoader.Kind, FileOutcome.Rejected, e.Message);
        }
        catch (DuckDbException e) when (!e.IsInterrupted && !e.IsEnvironmentFault)
        {
            return Finish(context, file, AuditReturnLoader.Kind, FileOutcome.Rejected, $"the file could not be loaded: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>The partnership of the first audit the workbook names that the warehouse knows, or null.</summary>
    private static string? PartnershipOf(DuckDbConnection connection, string path, XlsxReaderOptions options)
    {
        foreach (var auditId in AuditReturnReader.Read(path, options).Select(r => r.AuditId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (connection.Scalar<string>("SELECT partnership FROM fact.audit_sample WHERE audit_id = $1", auditId) is { } partnership)
            {
                return partnership;
            }
        }

        return null;
    }

    private static FileLoadResult Finish(LoadContext context, SourceFile file, string? kind, FileOutcome outcome, string reason)
    {
        var result = new FileLoadResult(file.FileId, file.Partnership, file.FileName, kind, outcome, reason, 0, 0, 0, 0);
        using var transaction = context.Connection.BeginTransaction();
        Lineage.Record(context, file, result);
        transaction.Commit();
        return result;
    }
}
