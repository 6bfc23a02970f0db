using System.Text;
using Warehouse.Reports.Excel;
using Warehouse.Store.DuckDb;

namespace Warehouse.Reports.Audit;

/// <summary>
/// Writes a threshold audit's workbooks (<c>warehouse audit sample</c>): one per auditor, each with only
/// that auditor's cases, so that no auditor sees another's judgements. Every workbook is marked
/// OFFICIAL-SENSITIVE, has its non-input cells locked, and is written owner-only (0600) into an
/// owner-only folder (0700). CONTRACT.md section 6 describes how completed workbooks come back.
/// </summary>
public static class AuditWorkbooks
{
    /// <summary>
    /// Writes one workbook per auditor of the audit into <paramref name="folder"/>, named
    /// <c>&lt;audit id&gt;-&lt;auditor&gt;.xlsx</c>; a file written before for the same audit and auditor is replaced.
    /// </summary>
    /// <param name="connection">The warehouse holding the audit's sample (<c>AuditSampler.Draw</c>).</param>
    /// <param name="auditId">The audit.</param>
    /// <param name="folder">Where the workbooks go: a restricted folder, never beside published packs. Created 0700 when missing; refused when others can read it.</param>
    /// <param name="clock">The time the workbooks say they were made.</param>
    /// <param name="cancellationToken">Stops between workbooks; a workbook is never left half-written.</param>
    /// <returns>The workbooks written, one per auditor.</returns>
    /// <exception cref="InvalidOperationException">There is no such audit, the framework's levels are not loaded, or the folder is readable by others.</exception>
    public static IReadOnlyList<AuditWorkbookFile> Write(DuckDbConnection connection, string auditId, string folder, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditId);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(clock);
        var data = AuditWorkbookData.Read(connection, auditId);
        var target = OwnerOnlyFolder.Prepare(folder);
        var now = clock.GetUtcNow();
        var files = new List<AuditWorkbookFile>();
        foreach (var auditor in data.Auditors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(target, FileName(auditId, auditor));
            var workbook = AuditWorkbookBuilder.Build(connection, data, auditor, now);
            XlsxWriter.WriteFile(workbook, path, new OutputFileOptions { OwnerOnly = true }, cancellationToken);
            files.Add(new AuditWorkbookFile(auditor, path, data.CaseCount(connection, auditor), data.Blind));
        }

        return files;
    }

    /// <summary>
    /// <c>&lt;audit id&gt;-&lt;auditor&gt;.xlsx</c> with anything but letters, digits, '-' and '_' replaced: a path is never steered by data.
    /// </summary>
    internal static string FileName(string auditId, string auditor)
    {
        var name = new StringBuilder();
        foreach (var c in $"{auditId}-{auditor}")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return name.Append(".xlsx").ToString();
    }
}
