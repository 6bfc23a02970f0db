using System.Buffers;
using System.Text;
using Warehouse.Etl.Derivation;
using Warehouse.Etl.Tests.Support;
using Warehouse.Frameworks;
using Warehouse.Store.DuckDb;

namespace Warehouse.Etl.Tests.Derivation;

public sealed class LevelEngineFunctionTests
{
    private const char Separator = LevelEngineFunction.Separator;

    private static string Packed(Framework framework, string indicators)
    {
        var output = new ArrayBufferWriter<byte>();
        new LevelEngineFunction(framework).Map(Encoding.UTF8.GetBytes(indicators), output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>What the packed value must say, built from the engine's own answer.</summary>
    private static string Expected(Framework framework, IReadOnlyList<string> known, bool repeated, IReadOnlyList<string> unknown)
    {
        var ids = known.Select(c => framework.TryGetIndicator(c, out var i) ? i.Id : throw new InvalidOperationException(c)).ToArray();
        var behind = new int[ids.Length];
        var result = LevelEngine.Indicate(framework, ids, behind);
        var level = result.Level is { } l ? (char)('0' + l) : '-';
        var codes = string.Join(';', behind.Take(result.BehindCount).Select(i => framework.Indicators[i].Code));
        return $"{level}{(result.IsBorderline ? '1' : '0')}{(repeated ? 'R' : '-')}{(unknown.Count > 0 ? 'U' : '-')}{result.RuleId}{Separator}{codes}{Separator}{string.Join(';', unknown)}";
    }

    [Theory]
    [InlineData("warwickshire")]
    [InlineData("worcestershire")]
    public void Random_lists_of_known_codes_pack_the_engines_own_answer(string partnership)
    {
        var framework = LoadHarness.Frameworks.Get(partnership).Latest;
        var random = new Random(20261122);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var codes = Enumerable.Range(0, random.Next(0, 9)).Select(_ => framework.Indicators[random.Next(framework.Indicators.Count)].Code).ToList();
            // Written as people write them: any case, spaces (and a no-break space) around the codes.
            var written = string.Join(';', codes.Select((c, i) => (i % 3 == 0 ? " " : "") + (i % 2 == 0 ? c.ToLowerInvariant() : c) + (i % 4 == 1 ? "\u00A0" : "")));
            var trimmed = codes.Select((c, i) => i % 2 == 0 ? c.ToLowerInvariant() : c).ToList();
            var repeated = trimmed.Distinct(StringComparer.Ordinal).Count() < trimmed.Count;
            Assert.Equal(Expected(framework, codes, repeated, []), Packed(framework, written));
        }
    }

    [Fact]
    public void No_codes_pack_no_level_and_the_no_indicators_rule()
    {
        var framework = LoadHarness.Frameworks.Get("warwickshire").Latest;
        var expected = $"-0--{LevelEngine.NoIndicatorsRuleId}{Separator}{Separator}";
        Assert.Equal(expected, Packed(framework, ""));
        Assert.Equal(expected, Packed(framework, " ; ;\u2003"));
    }

    [Fact]
    public void Unknown_codes_are_listed_as_written_after_the_second_separator_and_a_tab_at_an_edge_is_unknown()
    {
        var framework = LoadHarness.Frameworks.Get("warwickshire").Latest;
        var known = framework.Indicators[0].Code;
        var packed = Packed(framework, $" NOT-A-CODE ;{known};\tx;weird{Separator}code;{known}\t");
        Assert.Equal('U', packed[3]);
        var fields = packed.Split(Separator);
        Assert.Equal($"NOT-A-CODE;\tx;weird{Separator}code;{known}\t", string.Join(Separator, fields[2..]));
        Assert.Equal(Expected(framework, [known], false, ["NOT-A-CODE", "\tx", $"weird{Separator}code", $"{known}\t"]), packed);
    }

    [Fact]
    public void A_code_named_twice_is_flagged_whether_the_list_is_short_or_long()
    {
        var framework = LoadHarness.Frameworks.Get("warwickshire").Latest;
        var codes = framework.Indicators.Select(i => i.Code).Take(40).ToList();
        Assert.Equal('-', Packed(framework, string.Join(';', codes.Take(5)))[2]);
        Assert.Equal('R', Packed(framework, string.Join(';', codes.Take(5).Append(codes[2])))[2]);
        Assert.Equal('-', Packed(framework, string.Join(';', codes))[2]);
        Assert.Equal('R', Packed(framework, string.Join(" ; ", codes.Append(codes[39])))[2]);
        // Different spellings are different text to the publish step's DISTINCT, so not a repeat.
        Assert.Equal('-', Packed(framework, $"{codes[0]};{codes[0].ToLowerInvariant()}")[2]);
    }

    [Fact]
    public void A_list_longer_than_the_stack_buffers_is_answered_in_full()
    {
        var framework = LoadHarness.Frameworks.Get("worcestershire").Latest;
        var codes = Enumerable.Range(0, 600).Select(i => framework.Indicators[i % framework.Indicators.Count].Code).ToList();
        var packed = Packed(framework, string.Join(';', codes) + ";UNKNOWN-AT-THE-END");
        Assert.Equal('R', packed[2]);
        Assert.Equal('U', packed[3]);
        Assert.EndsWith($"{Separator}UNKNOWN-AT-THE-END", packed, StringComparison.Ordinal);
    }

    [Fact]
    public void Through_duckdb_every_row_gets_the_answer_computed_directly()
    {
        var framework = LoadHarness.Frameworks.Get("warwickshire").Latest;
        using var connection = new DuckDbConnection(":memory:");
        connection.Open();
        var name = Utf8Function.Register(connection, "level_engine", new LevelEngineFunction(framework));
        var random = new Random(7);
        var lists = Enumerable.Range(0, 5_000)
            .Select(_ => string.Join(';', Enumerable.Range(0, random.Next(0, 7)).Select(_ => framework.Indicators[random.Next(framework.Indicators.Count)].Code)))
            .ToList();
        connection.Execute("CREATE TABLE lists (i INTEGER, codes VARCHAR)");
        using (var appender = connection.CreateAppender("lists"))
        {
            for (var i = 0; i < lists.Count; i++) appender.AppendRow(i, lists[i]);
        }
        using var command = new DuckDbCommand($"SELECT i, {name}(codes) FROM lists ORDER BY i", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.Equal(Packed(framework, lists[reader.GetInt32(0)]), reader.GetString(1));
        }
    }
}
