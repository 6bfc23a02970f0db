using System.Buffers;
using System.Numerics;
using System.Text;

namespace Warehouse.Etl.Staging;

/// <summary>
/// One streaming pass over a CSV's bytes, quote-aware (RFC 4180) and in bounded memory, made before
/// DuckDB reads the file. It numbers records as Excel numbers rows (header = row 1, a quoted value
/// spanning lines stays one row, a blank line is a row of its own) and finds what DuckDB's reader
/// cannot be trusted with: it drops a record longer than its buffer without a trace, skips blank
/// lines (so later rows would be misnumbered), stops at mixed line endings, and swallows everything
/// after a quote left open. Found here, each is reported by row instead.
/// </summary>
internal sealed class CsvScan
{
    /// <summary>The longest row (in bytes) read as data; a longer one is a reject (DuckDB's own default).</summary>
    internal const long MaxRowBytes = 2_000_000;

    /// <summary>The longest header the reader looks at.</summary>
    internal const int MaxHeaderBytes = 1 << 20;

    /// <summary>Rows with a problem the scan keeps; beyond this the file is damaged, not a file with some bad rows.</summary>
    internal const int MaxProblemRows = 100_000;

    /// <summary>Blank lines the scan keeps (each is remembered, to number the rows after it); beyond this the file is damaged.</summary>
    internal const int MaxBlankRows = 1_000_000;

    private const byte Quote = (byte)'"';
    private const byte Comma = (byte)',';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';
    private const byte Nul = 0;

    /// <summary>Stands for "a quote just closed a value" in <see cref="Step"/> (a byte no CSV text holds there).</summary>
    private const byte QuoteClosed = 0xFF;

    private static readonly SearchValues<byte> OutsideQuotes = SearchValues.Create([Quote, Cr, Lf, Nul]);
    private static readonly SearchValues<byte> InsideQuotes = SearchValues.Create([Quote, Nul]);

    private static readonly string[] LineEndNames = ["CRLF (Windows)", "LF (Unix)", "CR (old Mac)"];

    private static readonly (char Separator, string Name)[] OtherSeparators = [(';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars")];

    private readonly List<long> blankRows = [];
    private readonly List<CsvRowProblem> problems = [];
    private readonly long[] lineEndCounts = new long[3];
    private readonly long[] lineEndFirstRows = new long[3];

    private CsvScan(string path) => Path = path;

    /// <summary>The file scanned.</summary>
    internal string Path { get; }

    /// <summary>The header's fields as written (UTF-8 BOM removed).</summary>
    internal IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>
    /// Why the file cannot be read (empty, not UTF-8, blank first line, another separator…); null
    /// when it can. <see cref="Header"/> may still hold the header, decoded as best it can be, so the
    /// file's kind can be told and it is refused as what it is.
    /// </summary>
    internal string? HeaderProblem { get; private set; }

    /// <summary>The Excel row number of the last record (1 when the file has only its header).</summary>
    internal long LastRow { get; private set; }

    /// <summary>Rows that are empty lines: DuckDB skips them; they are neither data nor rejects.</summary>
    internal IReadOnlyList<long> BlankRows => blankRows;

    /// <summary>Rows too long to read, or holding NUL bytes, in file order (at most <see cref="MaxProblemRows"/>).</summary>
    internal IReadOnlyList<CsvRowProblem> Problems => problems;

    /// <summary>True when more rows had problems than <see cref="MaxProblemRows"/>.</summary>
    internal bool TooManyProblems { get; private set; }

    /// <summary>True when the file has more blank lines than <see cref="MaxBlankRows"/>.</summary>
    internal bool TooManyBlankRows { get; private set; }

    /// <summary>The longest record in bytes, and its row.</summary>
    internal (long Row, long Bytes) Longest { get; private set; }

    /// <summary>Total bytes of the rows longer than <see cref="MaxRowBytes"/>.</summary>
    internal long LongRowBytes { get; private set; }

    /// <summary>The row where a quote opens that is never closed (everything after it would be one value), or null.</summary>
    internal long? UnclosedQuoteRow { get; private set; }

    /// <summary>The column (1-based) of the unclosed quote.</summary>
    internal int UnclosedQuoteColumn { get; private set; }

    /// <summary>
    /// False when no value of the file can begin or end with a space (no space or non-ASCII byte
    /// beside a comma, quote or line end, nor at the end of the file), so that no value needs
    /// trimming; true when some value may. Only ever wrong on the safe side.
    /// </summary>
    internal bool MayHaveEdgeSpaces { get; private set; }

    /// <summary>The line endings found between records: CRLF, LF, CR, with how many and the first row ending so.</summary>
    internal IReadOnlyList<(string Name, long Count, long FirstRow)> LineEnds =>
        [.. LineEndNames
            .Select((name, i) => (name, lineEndCounts[i], lineEndFirstRows[i]))
            .Where(e => e.Item2 > 0)];

    /// <summary>Scans a whole file.</summary>
    internal static CsvScan Read(string path)
    {
        var scan = new CsvScan(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        scan.ReadHeaderFrom(stream);
        stream.Position = 0;
        scan.ScanRecords(stream);
        scan.DescribeProblems(stream);
        return scan;
    }

    /// <summary>Reads only the header (for recognising a file's kind).</summary>
    internal static CsvScan ReadHeader(string path)
    {
        var scan = new CsvScan(path);
        using var stream = File.OpenRead(path);
        scan.ReadHeaderFrom(stream);
        return scan;
    }

    private void ReadHeaderFrom(Stream stream)
    {
        var buffer = new byte[(int)Math.Min(MaxHeaderBytes, stream.Length)];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bytes = buffer.AsSpan(0, length);
        if (length == 0)
        {
            HeaderProblem = "the file is empty";
            return;
        }
        if (Encoding(bytes) is { } other)
        {
            // Decoded only to tell the file's kind (so it is refused as what it is); never loaded.
            var decoded = other.Encoding.GetString(bytes);
            var lineEnd = decoded.AsSpan().IndexOfAny('\r', '\n');
            Header = SplitHeader((lineEnd < 0 ? decoded : decoded[..lineEnd]).TrimStart('\uFEFF'));
            HeaderProblem = $"it is {other.Name} text, and the warehouse reads CSV files as UTF-8: save it as 'CSV UTF-8 (Comma delimited)'";
            return;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            HeaderProblem = "it is an Excel 97-2003 workbook (.xls) or another old Office file, not CSV or .xlsx: save it as .xlsx or as 'CSV UTF-8 (Comma delimited)'";
            return;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];

        var end = HeaderEnd(bytes);
        if (end == bytes.Length && length == MaxHeaderBytes)
        {
            HeaderProblem = $"its first line is longer than {MaxHeaderBytes:N0} bytes: it is not a CSV header";
            return;
        }
        if (end < 0)
        {
            HeaderProblem = length == MaxHeaderBytes
                ? $"its first line is longer than {MaxHeaderBytes:N0} bytes, or opens a quote that is never closed: it is not a CSV header"
                : "its first line opens a quote that is never closed: it is not a CSV header";
            return;
        }
        var line = bytes[..end];
        if (line.Contains(Nul))
        {
            HeaderProblem = "its first line holds NUL bytes: it is binary data, or UTF-16 text without a byte-order mark; save it as 'CSV UTF-8 (Comma delimited)'";
            return;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line);
        }
        catch (DecoderFallbackException)
        {
            // Read as Latin-1 only to tell the file's kind; the file is refused, never loaded so.
            Header = SplitHeader(System.Text.Encoding.Latin1.GetString(line));
            HeaderProblem = "its first line is not UTF-8 text (it may have been saved as Windows-1252/ANSI): save it as 'CSV UTF-8 (Comma delimited)'";
            return;
        }
        Header = SplitHeader(text);
        if (Header.All(string.IsNullOrWhiteSpace))
        {
            HeaderProblem = "its first line is blank: the column names must be on row 1";
            return;
        }
        if (Header.Count == 1 && OtherSeparators.FirstOrDefault(s => text.Contains(s.Separator, StringComparison.Ordinal)) is { Name: { } separator } found)
        {
            var shown = text.Length > 60 ? text[..60] + "…" : text;
            HeaderProblem = $"its header ('{shown.Replace("\t", "\\t", StringComparison.Ordinal)}') is separated by {separator}, and the warehouse reads comma-separated CSV: save it as 'CSV UTF-8 (Comma delimited)'";
            // Split so that the file's kind can still be told (it is refused as what it is).
            Header = text.Split(found.Separator);
        }
    }

    /// <summary>Names a non-UTF-8 Unicode encoding from its byte-order mark.</summary>
    private static (string Name, Encoding Encoding)? Encoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return ("UTF-32 (little-endian)", new UTF32Encoding(false, true));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return ("UTF-32 (big-endian)", new UTF32Encoding(true, true));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ("UTF-16 (little-endian)", new UnicodeEncoding(false, true));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ("UTF-16 (big-endian)", new UnicodeEncoding(true, true));
        return null;
    }

    /// <summary>Where the first record ends (its terminator), or −1 when it does not end in the buffer.</summary>
    private static int HeaderEnd(ReadOnlySpan<byte> bytes)
    {
        var quoted = false;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (quoted)
            {
                if (b == Quote)
                {
                    if (i + 1 < bytes.Length && bytes[i + 1] == Quote) i++;
                    else quoted = false;
                }
            }
            else if (b == Quote && (i == 0 || bytes[i - 1] == Comma)) quoted = true;
            else if (b is Cr or Lf) return i;
        }
        return quoted ? -1 : bytes.Length;
    }

    /// <summary>The fields of one CSV record (RFC 4180 quoting).</summary>
    internal static List<string> SplitHeader(string text)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"' && current.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    private void ScanRecords(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long offset = 0;          // file offset of buffer[0]
            long recordStart = 0;
            long row = 1;
            var quoted = false;
            var pendingQuote = false; // inside quotes, the last byte of the previous buffer was a quote
            var pendingCr = false;    // outside quotes, the last byte of the previous buffer was a CR
            var hasNul = false;
            byte previous = Comma;    // the byte before the current one ("," at the start: a field starts)
            long quoteOpenedAt = 0;
            byte lastByte = 0;        // the last byte of the previous buffer (a byte pair may straddle two)

            var first = true;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (!MayHaveEdgeSpaces)
                {
                    MayHaveEdgeSpaces = (offset > 0 && (IsBoundary(lastByte) && IsSpaceByte(span[0]) || IsSpaceByte(lastByte) && IsBoundary(span[0])))
                        || HasSpaceAtBoundary(span);
                }
                lastByte = span[^1];
                var i = 0;
                if (first)
                {
                    first = false;
                    if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { i = 3; recordStart = 3; }
                }
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (span[0] == Quote) i = Math.Max(i, 1);      // an escaped quote: still inside
                    else quoted = false;
                }
                if (pendingCr)
                {
                    pendingCr = false;
                    if (span[0] == Lf) { EndRecord(ref row, ref recordStart, ref hasNul, offset - 1, offset + 1, 0); i = Math.Max(i, 1); }
                    else EndRecord(ref row, ref recordStart, ref hasNul, offset - 1, offset, 2);
                }

                while (i < span.Length)
                {
                    var rest = span[i..];
                    var next = quoted ? rest.IndexOfAny(InsideQuotes) : rest.IndexOfAny(OutsideQuotes);
                    if (next < 0)
                    {
                        previous = span[^1];
                        break;
                    }
                    var at = i + next;
                    var b = span[at];
                    if (b == Nul)
                    {
                        hasNul = true;
                        previous = b;
                        i = at + 1;
                        continue;
                    }
                    if (quoted)
                    {
                        // b is a quote: doubled, it is an escaped quote; single, it closes the value.
                        if (at + 1 == span.Length) { pendingQuote = true; previous = b; i = at + 1; }
                        else if (span[at + 1] == Quote) { previous = Quote; i = at + 2; }
                        else { quoted = false; previous = b; i = at + 1; }
                        continue;
                    }
                    if (b == Quote)
                    {
                        var fieldStart = offset + at == recordStart || (at > 0 ? span[at - 1] : previous) == Comma;
                        if (fieldStart)
                        {
                            quoted = true;
                            quoteOpenedAt = offset + at;
                        }
                        previous = b;
                        i = at + 1;
                        continue;
                    }
                    if (b == Lf)
                    {
                        EndRecord(ref row, ref recordStart, ref hasNul, offset + at, offset + at + 1, 1);
                        previous = Comma;
                        i = at + 1;
                        continue;
                    }
                    // A CR: with an LF after it one line end, alone another.
                    if (at + 1 == span.Length) { pendingCr = true; previous = Comma; i = at + 1; }
                    else if (span[at + 1] == Lf) { EndRecord(ref row, ref recordStart, ref hasNul, offset + at, offset + at + 2, 0); previous = Comma; i = at + 2; }
                    else { EndRecord(ref row, ref recordStart, ref hasNul, offset + at, offset + at + 1, 2); previous = Comma; i = at + 1; }
                }
                offset += read;
            }

            if (offset > 0 && IsSpaceByte(lastByte)) MayHaveEdgeSpaces = true;
            if (pendingQuote) quoted = false;
            if (pendingCr) EndRecord(ref row, ref recordStart, ref hasNul, offset - 1, offset, 2);
            if (quoted)
            {
                UnclosedQuoteRow = row;
                UnclosedQuoteColumn = ColumnAt(stream, recordStart, quoteOpenedAt);
                LastRow = row;
            }
            else if (recordStart < offset)
            {
                EndRecord(ref row, ref recordStart, ref hasNul, offset, offset, -1);
                LastRow = row - 1;
            }
            else
            {
                LastRow = row - 1;
            }
            LastRow = Math.Max(LastRow, 1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A byte that starts or ends every value: comma, quote, CR, LF.</summary>
    private static bool IsBoundary(byte b) => b is Comma or Quote or Cr or Lf;

    /// <summary>
    /// A space, or a byte of a multi-byte UTF-8 character: every character DuckDB's trim removes (the
    /// Unicode space separators) begins and ends with one of these.
    /// </summary>
    private static bool IsSpaceByte(byte b) => b == (byte)' ' || b >= 0x80;

    /// <summary>True when some byte pair of the span is a boundary beside a space byte, in either order.</summary>
    private static bool HasSpaceAtBoundary(ReadOnlySpan<byte> span)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && span.Length > Vector<byte>.Count)
        {
            var comma = new Vector<byte>(Comma);
            var quote = new Vector<byte>(Quote);
            var cr = new Vector<byte>(Cr);
            var lf = new Vector<byte>(Lf);
            var space = new Vector<byte>((byte)' ');
            var high = new Vector<byte>(0x7F);
            for (; i + Vector<byte>.Count < span.Length; i += Vector<byte>.Count)
            {
                var a = new Vector<byte>(span[i..]);
                var b = new Vector<byte>(span[(i + 1)..]);
                var boundaryA = Vector.Equals(a, comma) | Vector.Equals(a, quote) | Vector.Equals(a, cr) | Vector.Equals(a, lf);
                var boundaryB = Vector.Equals(b, comma) | Vector.Equals(b, quote) | Vector.Equals(b, cr) | Vector.Equals(b, lf);
                var spaceA = Vector.Equals(a, space) | Vector.GreaterThan(a, high);
                var spaceB = Vector.Equals(b, space) | Vector.GreaterThan(b, high);
                if (!((boundaryA & spaceB) | (spaceA & boundaryB)).Equals(Vector<byte>.Zero)) return true;
            }
        }
        for (; i + 1 < span.Length; i++)
        {
            if (IsBoundary(span[i]) && IsSpaceByte(span[i + 1]) || IsSpaceByte(span[i]) && IsBoundary(span[i + 1])) return true;
        }
        return false;
    }

    private void EndRecord(ref long row, ref long recordStart, ref bool hasNul, long end, long nextStart, int lineEnd)
    {
        var length = end - recordStart;
        if (lineEnd >= 0)
        {
            if (lineEndCounts[lineEnd]++ == 0) lineEndFirstRows[lineEnd] = row;
        }
        if (row > 1)
        {
            if (length == 0)
            {
                if (blankRows.Count < MaxBlankRows) blankRows.Add(row);
                else TooManyBlankRows = true;
            }
            else
            {
                if (length > Longest.Bytes) Longest = (row, length);
                if (length > MaxRowBytes)
                {
                    LongRowBytes += length;
                    AddProblem(new CsvRowProblem(row, recordStart, length, CsvRowProblemKind.TooLong));
                }
                else if (hasNul) AddProblem(new CsvRowProblem(row, recordStart, length, CsvRowProblemKind.Nul));
            }
        }
        row++;
        recordStart = nextStart;
        hasNul = false;
    }

    private void AddProblem(CsvRowProblem problem)
    {
        if (problems.Count < MaxProblemRows) problems.Add(problem);
        else TooManyProblems = true;
    }

    /// <summary>For the first long rows, which column holds the long value (for the reject's reason).</summary>
    private void DescribeProblems(Stream stream)
    {
        for (var i = 0; i < problems.Count && i < 1000; i++)
        {
            if (problems[i].Kind != CsvRowProblemKind.TooLong) continue;
            var (column, length) = LongestField(stream, problems[i].Offset, problems[i].Bytes);
            problems[i] = problems[i] with { Column = column >= 0 && column < Header.Count ? Header[column] : null, ColumnBytes = length };
        }
    }

    /// <summary>The 0-based column whose value is longest in a record, and its length in bytes.</summary>
    private static (int Column, long Bytes) LongestField(Stream stream, long start, long length)
    {
        stream.Position = start;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var column = 0;
            long fieldStart = 0, position = 0;
            (int Column, long Bytes) longest = (-1, 0);
            var quoted = false;
            var previous = Comma;
            while (position < length)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - position));
                if (read == 0) break;
                for (var i = 0; i < read; i++, position++)
                {
                    var b = buffer[i];
                    if (Step(b, ref quoted, ref previous) && b == Comma)
                    {
                        if (position - fieldStart > longest.Bytes) longest = (column, position - fieldStart);
                        column++;
                        fieldStart = position + 1;
                    }
                }
            }
            if (length - fieldStart > longest.Bytes) longest = (column, length - fieldStart);
            return longest;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// One byte of a record through the quoting rules; true when it is outside quotes and not a
    /// quote itself. A quote opens a value at its start, closes it inside, and a doubled quote
    /// inside is an escaped quote (closing and at once reopening).
    /// </summary>
    private static bool Step(byte b, ref bool quoted, ref byte previous)
    {
        var was = previous;
        previous = b;
        if (b != Quote) return !quoted;
        if (quoted)
        {
            quoted = false;
            previous = QuoteClosed;
        }
        else if (was is Comma or QuoteClosed)
        {
            quoted = true;
        }
        return false;
    }

    /// <summary>The 1-based column of a byte in a record (commas outside quotes before it, plus one).</summary>
    private static int ColumnAt(Stream stream, long recordStart, long at)
    {
        stream.Position = recordStart;
        var column = 1;
        var quoted = false;
        var previous = Comma;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var position = recordStart;
            while (position < at)
            {
                var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, at - position));
                if (read == 0) break;
                for (var i = 0; i < read; i++)
                {
                    if (Step(buffer[i], ref quoted, ref previous) && buffer[i] == Comma) column++;
                }
                position += read;
            }
            return column;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>What is wrong with a row the CSV reader is not given.</summary>
internal enum CsvRowProblemKind
{
    /// <summary>Longer than <see cref="CsvScan.MaxRowBytes"/>.</summary>
    TooLong,

    /// <summary>Holds a NUL byte: binary data, not text.</summary>
    Nul,
}

/// <summary>A row the scan found unusable: where it is, how long, and (when too long) which column is.</summary>
internal sealed record CsvRowProblem(long Row, long Offset, long Bytes, CsvRowProblemKind Kind, string? Column = null, long ColumnBytes = 0);
