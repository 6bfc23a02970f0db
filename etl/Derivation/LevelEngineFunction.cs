using System.Buffers;
using System.Globalization;
using System.Text;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Derivation;

/// <summary>
/// The level engine under one framework version as a DuckDB function over a consultation's
/// indicator list (its text as the file gives it; '' for none), run on DuckDB's worker threads
/// while the file is parsed. Its value packs the answer: four characters — the indicated level
/// ('-' when none), borderline ('1' or '0'), 'R' when the list names a code twice, 'U' when it names
/// a code the framework does not know ('-' otherwise) — then the deciding rule's id, a
/// <see cref="Separator"/>, the codes behind the level (';'-separated), a separator, and last the
/// unknown codes as written (';'-separated).
/// </summary>
/// <remarks>
/// Codes are split and trimmed exactly as the publish step's SQL does (on ';', trimming only the
/// space separators, as DuckDB's <c>trim</c>), so both see the same codes. Everything before the
/// unknown codes comes from the framework, which is checked to hold no separator, so the packed
/// value splits unambiguously however odd the file's codes are. A list allocates nothing unless it
/// is long (more than <see cref="StackChars"/> characters or <see cref="SmallList"/> codes).
/// </remarks>
internal sealed class LevelEngineFunction : Utf8Function
{
    /// <summary>The unit separator (U+001F) between the packed value's variable fields.</summary>
    internal const char Separator = '\u001F';

    private const int MaxCodes = 256;
    private const int StackChars = 1024;
    private const int SmallList = 16;

    private readonly Framework framework;
    private readonly byte[][] codeBytes;
    private readonly Dictionary<string, byte[]> ruleBytes;

    internal LevelEngineFunction(Framework framework)
    {
        var ruleIds = framework.Rules.Select(r => r.Id).Append(LevelEngine.NoIndicatorsRuleId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var text in framework.Indicators.Select(i => i.Code).Concat(ruleIds))
        {
            if (text.Contains(Separator, StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal))
                throw new InvalidOperationException($"The {framework.Partnership} framework {framework.Version} has a code or rule id with a ';' or a U+001F in it: '{text}'.");
        }
        if (framework.Levels.Any(l => l.Number is < 1 or > 9))
            throw new InvalidOperationException($"The {framework.Partnership} framework {framework.Version} has a level numbered outside 1-9.");
        this.framework = framework;
        codeBytes = framework.Indicators.Select(i => Encoding.UTF8.GetBytes(i.Code)).ToArray();
        ruleBytes = ruleIds.ToDictionary(id => id, Encoding.UTF8.GetBytes, StringComparer.Ordinal);
    }

    public override void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        var chars = input.Length <= StackChars ? stackalloc char[StackChars] : new char[input.Length];
        chars = chars[..Encoding.UTF8.GetChars(input, chars)];
        Span<Range> codes = stackalloc Range[MaxCodes];
        Span<int> ids = stackalloc int[MaxCodes];
        Span<int> behind = stackalloc int[MaxCodes];
        List<Range>? moreCodes = null;
        var codeCount = 0;
        var n = 0;
        var unknown = false;
        foreach (var piece in chars.Split(';'))
        {
            var code = TrimSpaceSeparators(chars, piece);
            var text = chars[code];
            if (text.IsEmpty) continue;
            if (codeCount < codes.Length) codes[codeCount] = code;
            else (moreCodes ??= []).Add(code);
            codeCount++;
            // The framework trims every kind of white space itself; DuckDB's trim does not, so a
            // code with, say, a tab at its edge is unknown here too.
            if (text.Trim().Length == text.Length && framework.TryGetIndicator(text, out var indicator))
            {
                if (n < ids.Length) ids[n++] = indicator.Id;
            }
            else
            {
                unknown = true;
            }
        }

        var result = LevelEngine.Indicate(framework, ids[..n], behind[..n]);
        var head = output.GetSpan(4);
        head[0] = result.Level is { } level ? (byte)('0' + level) : (byte)'-';
        head[1] = result.IsBorderline ? (byte)'1' : (byte)'0';
        head[2] = NamesACodeTwice(chars, codes[..Math.Min(codeCount, codes.Length)], moreCodes) ? (byte)'R' : (byte)'-';
        head[3] = unknown ? (byte)'U' : (byte)'-';
        output.Advance(4);
        output.Write(ruleBytes[result.RuleId]);
        WriteByte(output, (byte)Separator);
        for (var i = 0; i < result.BehindCount; i++)
        {
            if (i > 0) WriteByte(output, (byte)';');
            output.Write(codeBytes[behind[i]]);
        }
        WriteByte(output, (byte)Separator);
        if (unknown) WriteUnknown(chars, codes[..Math.Min(codeCount, codes.Length)], moreCodes, output);
    }

    private void WriteUnknown(ReadOnlySpan<char> chars, ReadOnlySpan<Range> codes, List<Range>? moreCodes, IBufferWriter<byte> output)
    {
        var first = true;
        foreach (var code in codes) WriteIfUnknown(chars[code], output, ref first);
        foreach (var code in moreCodes ?? []) WriteIfUnknown(chars[code], output, ref first);
    }

    private void WriteIfUnknown(ReadOnlySpan<char> text, IBufferWriter<byte> output, ref bool first)
    {
        if (text.Trim().Length == text.Length && framework.TryGetIndicator(text, out _)) return;
        if (!first) WriteByte(output, (byte)';');
        first = false;
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>True when two codes of a list are the same text (as the publish step's DISTINCT compares them).</summary>
    private static bool NamesACodeTwice(ReadOnlySpan<char> chars, ReadOnlySpan<Range> codes, List<Range>? moreCodes)
    {
        if (moreCodes is not null || codes.Length > SmallList)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var code in codes) if (!seen.Add(chars[code].ToString())) return true;
            foreach (var code in moreCodes ?? []) if (!seen.Add(chars[code].ToString())) return true;
            return false;
        }
        for (var i = 1; i < codes.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (chars[codes[i]].SequenceEqual(chars[codes[j]])) return true;
            }
        }
        return false;
    }

    /// <summary>A piece without the space separators at its ends (what DuckDB's <c>trim</c> removes).</summary>
    private static Range TrimSpaceSeparators(ReadOnlySpan<char> chars, Range piece)
    {
        var (start, length) = piece.GetOffsetAndLength(chars.Length);
        var end = start + length;
        while (start < end && IsSpaceSeparator(chars[start])) start++;
        while (end > start && IsSpaceSeparator(chars[end - 1])) end--;
        return start..end;
    }

    private static bool IsSpaceSeparator(char c) =>
        c == ' ' || (c > '\u007F' && char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator);
}
