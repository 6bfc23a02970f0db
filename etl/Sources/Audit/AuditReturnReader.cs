using System.Globalization;
using Warehouse.Etl.Loading;
using Warehouse.Xlsx;

namespace Warehouse.Etl.Sources.Audit;

/// <summary>
/// Reads the case rows of an audit return's Audit sheet, streaming: the header row is the first row
/// naming both the consultation id and the auditor's level (the title and description lines above it
/// are skipped); only the columns the import uses are kept.
/// </summary>
internal static class AuditReturnReader
{
    public static List<AuditReturnRow> Read(string path, XlsxReaderOptions options, CancellationToken cancellationToken = default)
    {
        using var workbook = XlsxReader.Open(path, options);
        var sheet = workbook.SheetNames.FirstOrDefault(s => s.Trim().Equals(AuditReturnColumns.Sheet, StringComparison.OrdinalIgnoreCase))
            ?? throw new FileRefusedException($"The workbook has no sheet called '{AuditReturnColumns.Sheet}' (it has {string.Join(", ", workbook.SheetNames.Select(s => $"'{s}'"))}); it is not an audit return.");

        Dictionary<string, int>? columns = null;
        var rows = new List<AuditReturnRow>();
        foreach (var row in workbook.ReadRows(sheet, cancellationToken))
        {
            if (row.IsEmpty)
            {
                continue;
            }

            if (columns is null)
            {
                columns = Header(row);
                if (columns is not null)
                {
                    var missing = AuditReturnColumns.Required.Where(c => !columns.ContainsKey(AuditReturnColumns.Normalise(c))).ToList();
                    if (missing.Count > 0)
                    {
                        throw new FileRefusedException(
                            $"The header of sheet '{sheet}' (row {row.RowNumber}) lacks the column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; an audit return needs {string.Join(", ", AuditReturnColumns.Required.Select(m => $"'{m}'"))}.");
                    }
                }

                continue;
            }

            string? Cell(string header) => columns.TryGetValue(AuditReturnColumns.Normalise(header), out var i) ? Text(row[i]) : null;
            var dateCell = columns.TryGetValue(AuditReturnColumns.Normalise(AuditReturnColumns.AuditDate), out var d) ? row[d] : XlsxValue.Blank;
            var read = new AuditReturnRow(
                row.RowNumber,
                Cell(AuditReturnColumns.AuditId),
                Cell(AuditReturnColumns.ConsultationId),
                Cell(AuditReturnColumns.AuditorRef),
                Cell(AuditReturnColumns.AuditorLevel),
                Cell(AuditReturnColumns.AuditorAgency),
                Text(dateCell),
                Date(dateCell));
            if (read.AuditId is null && read.ConsultationId is null && read.AuditorRef is null && read.NotJudged)
            {
                // A row with nothing the import reads (a stray format, or only a rationale).
                continue;
            }

            rows.Add(read);
        }

        if (columns is null)
        {
            throw new FileRefusedException(
                $"Sheet '{sheet}' has no header row naming '{AuditReturnColumns.ConsultationId}' and '{AuditReturnColumns.AuditorLevel}'; it is not an audit workbook the warehouse wrote.");
        }

        if (rows.Count == 0)
        {
            throw new FileRefusedException($"Sheet '{sheet}' has a header but no case rows.");
        }

        return rows;
    }

    /// <summary>The header's columns by normalised name, or null when the row is not the header.</summary>
    private static Dictionary<string, int>? Header(XlsxRow row)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i].Kind == XlsxValueKind.Text && row.Cells[i].Text is { } text)
            {
                var name = AuditReturnColumns.Normalise(text);
                if (AuditReturnColumns.Read.Any(c => AuditReturnColumns.Normalise(c) == name))
                {
                    names.TryAdd(name, i);
                }
            }
        }

        return names.ContainsKey(AuditReturnColumns.Normalise(AuditReturnColumns.ConsultationId))
               && names.ContainsKey(AuditReturnColumns.Normalise(AuditReturnColumns.AuditorLevel))
            ? names
            : null;
    }

    /// <summary>A cell as trimmed text (numbers invariant, dates ISO, errors as their code); null when blank.</summary>
    private static string? Text(XlsxValue value)
    {
        var text = value.Kind switch
        {
            XlsxValueKind.Blank => null,
            XlsxValueKind.Number => value.Number.ToString("R", CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Replace('\u00A0', ' ').Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// The audit date: a date cell; an Excel serial number; or text in ISO 8601 or UK dd/mm/yyyy
    /// (never US order). Null when the cell holds none of these.
    /// </summary>
    private static DateOnly? Date(XlsxValue value)
    {
        switch (value.Kind)
        {
            case XlsxValueKind.Date:
                return DateOnly.FromDateTime(value.Date);
            case XlsxValueKind.Number when value.Number is >= 1 and < 2_958_466 && value.Number == Math.Floor(value.Number):
                return DateOnly.FromDateTime(DateTime.FromOADate(value.Number));
            case XlsxValueKind.Text when value.Text is { } text:
                string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "d/M/yyyy HH:mm"];
                return DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? DateOnly.FromDateTime(parsed)
                    : null;
            default:
                return null;
        }
    }
}
