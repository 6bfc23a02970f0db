using System.Buffers;
using System.Text;
using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

public sealed class Utf8FunctionTests
{
    /// <summary>Reverses a value's characters; counts its calls and the threads that made them.</summary>
    private sealed class Reverse : Utf8Function, IDisposable
    {
        private int calls;
        private readonly HashSet<int> threads = [];

        public int Calls => calls;

        public int Threads
        {
            get { lock (threads) return threads.Count; }
        }

        public bool Disposed { get; private set; }

        public override void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
        {
            Interlocked.Increment(ref calls);
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
            var text = Encoding.UTF8.GetString(input);
            var reversed = new string(text.Reverse().ToArray());
            output.Write(Encoding.UTF8.GetBytes(reversed));
        }

        public void Dispose() => Disposed = true;
    }

    private sealed class Failing : Utf8Function
    {
        public override void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output) =>
            throw new InvalidOperationException($"refused '{Encoding.UTF8.GetString(input)}'");
    }

    /// <summary>Writes its input repeated <c>times</c> times.</summary>
    private sealed class Repeat(int times) : Utf8Function
    {
        public override void Map(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
        {
            for (var i = 0; i < times; i++) output.Write(input);
        }
    }

    private static DuckDbConnection Open()
    {
        var connection = new DuckDbConnection(":memory:");
        connection.Open();
        return connection;
    }

    [Fact]
    public void Values_inline_and_long_non_ascii_and_empty_come_back_computed_and_nulls_stay_null()
    {
        using var connection = Open();
        var reverse = new Reverse();
        var name = Utf8Function.Register(connection, "reverse_text", reverse);
        var rows = new List<string?>();
        using (var command = new DuckDbCommand($"""
            SELECT {name}(v) FROM (VALUES (1, 'abc'), (2, NULL), (3, ''), (4, 'ŵ-Llandrindod Wells, a name past twelve bytes'), (5, 'exactly12byt')) t(i, v) ORDER BY i
            """, connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) rows.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }
        const string longText = "ŵ-Llandrindod Wells, a name past twelve bytes";
        Assert.Equal(["cba", null, "", new string(longText.Reverse().ToArray()), "tyb21yltcaxe"], rows);
        Assert.Equal(4, reverse.Calls);
    }

    [Fact]
    public void A_million_rows_are_computed_by_more_than_one_of_duckdbs_threads()
    {
        using var connection = Open();
        connection.Execute("SET threads = 2");
        var reverse = new Reverse();
        var name = Utf8Function.Register(connection, "reverse_text", reverse);
        connection.Execute("CREATE TABLE t AS SELECT i, 'id-' || i AS v FROM range(1000000) r(i)");
        var mismatches = connection.Scalar<long>($"SELECT count(*) FROM t WHERE {name}(v) <> reverse(v)");
        Assert.Equal(0, mismatches);
        Assert.Equal(1_000_000, reverse.Calls);
        Assert.True(reverse.Threads > 1, $"every value was computed on {reverse.Threads} thread(s)");
    }

    [Fact]
    public void An_exception_fails_the_query_with_its_message()
    {
        using var connection = Open();
        var name = Utf8Function.Register(connection, "failing", new Failing());
        var error = Assert.Throws<DuckDbException>(() => connection.Execute($"SELECT {name}('child 7')"));
        Assert.Contains("refused 'child 7'", error.Message, StringComparison.Ordinal);
        // The connection is still usable afterwards.
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
    }

    [Fact]
    public void A_value_of_several_megabytes_is_written_whole()
    {
        using var connection = Open();
        var name = Utf8Function.Register(connection, "repeat", new Repeat(300_000));
        Assert.Equal(3_000_000L, connection.Scalar<long>($"SELECT length({name}('0123456789'))"));
        Assert.Equal(30L, connection.Scalar<long>($"SELECT length({name}('x')) / 10000"));
    }

    [Fact]
    public void Every_registration_gets_its_own_name_and_the_function_is_disposed_when_the_database_closes()
    {
        var reverse = new Reverse();
        string first, second;
        using (var connection = Open())
        {
            first = Utf8Function.Register(connection, "reverse_text", reverse);
            second = Utf8Function.Register(connection, "reverse_text", new Reverse());
            Assert.NotEqual(first, second);
            Assert.Equal("olleh", connection.Scalar<string>($"SELECT {first}('hello')"));
            Assert.Equal("olleh", connection.Scalar<string>($"SELECT {second}('hello')"));
            Assert.False(reverse.Disposed);
        }
        Assert.True(reverse.Disposed);
    }
}
