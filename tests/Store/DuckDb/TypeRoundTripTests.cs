using System.Numerics;
using Warehouse.Store.DuckDb;

namespace Warehouse.Store.Tests.DuckDb;

public sealed class TypeRoundTripTests(InMemoryDatabaseFixture database) : IClassFixture<InMemoryDatabaseFixture>
{
    private readonly DuckDbConnection connection = database.Connection;

    private object Scalar(string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.AddValue(p);
        return command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("BOOLEAN", "true", true)]
    [InlineData("TINYINT", "-7", (sbyte)-7)]
    [InlineData("SMALLINT", "-300", (short)-300)]
    [InlineData("INTEGER", "-70000", -70000)]
    [InlineData("BIGINT", "-5000000000", -5000000000L)]
    [InlineData("UTINYINT", "250", (byte)250)]
    [InlineData("USMALLINT", "65000", (ushort)65000)]
    [InlineData("UINTEGER", "4000000000", 4000000000U)]
    [InlineData("UBIGINT", "18000000000000000000", 18000000000000000000UL)]
    [InlineData("FLOAT", "1.5", 1.5f)]
    [InlineData("DOUBLE", "-2.25", -2.25d)]
    [InlineData("VARCHAR", "'short'", "short")]
    public void Scalar_types_come_back_as_their_dotnet_types(string type, string literal, object expected)
    {
        var value = Scalar($"SELECT CAST({literal} AS {type})");
        Assert.Equal(expected, value);
        Assert.Equal(expected.GetType(), value.GetType());
    }

    [Fact]
    public void Every_type_reads_null_as_dbnull()
    {
        string[] types = ["BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
            "HUGEINT", "UHUGEINT", "FLOAT", "DOUBLE", "DECIMAL(10,2)", "DECIMAL(38,4)", "VARCHAR", "DATE", "TIMESTAMP",
            "TIMESTAMPTZ", "INTERVAL", "UUID", "BLOB", "INTEGER[]", "VARCHAR[]"];
        var select = string.Join(", ", types.Select((t, i) => $"CAST(NULL AS {t}) AS c{i}"));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {select}";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        for (var i = 0; i < types.Length; i++)
        {
            Assert.True(reader.IsDBNull(i), types[i]);
            Assert.Equal(DBNull.Value, reader.GetValue(i));
        }
    }

    [Fact]
    public void Huge_integers_keep_every_digit()
    {
        Assert.Equal(BigInteger.Parse("-170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture),
            Scalar("SELECT -170141183460469231731687303715884105727::HUGEINT"));
        Assert.Equal(BigInteger.Parse("340282366920938463463374607431768211455", System.Globalization.CultureInfo.InvariantCulture),
            Scalar("SELECT 340282366920938463463374607431768211455::UHUGEINT"));
        Assert.Equal(new BigInteger(-1), Scalar("SELECT -1::HUGEINT"));
    }

    [Theory]
    [InlineData("DECIMAL(4,1)", "-123.4")]
    [InlineData("DECIMAL(9,3)", "123456.789")]
    [InlineData("DECIMAL(18,6)", "-123456789012.345678")]
    [InlineData("DECIMAL(38,10)", "1234567890123456.7890123456")]
    public void Decimals_of_every_width_are_exact(string type, string literal)
    {
        var value = Scalar($"SELECT CAST('{literal}' AS {type})");
        Assert.Equal(decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("twelve bytes")]          // exactly 12 bytes: the inline limit
    [InlineData("thirteen byte")]         // 13 bytes: stored behind a pointer
    [InlineData("Ysgol Gymraeg – Llanelli")]
    [InlineData("çà")]                    // 4 bytes
    [InlineData("ŵŷ ÿ ü – Ünïcödé ❤ 子供")] // long, multi-byte
    public void Strings_round_trip_short_and_long_and_non_ascii(string text)
    {
        Assert.Equal(text, Scalar("SELECT $1::VARCHAR", text));
        Assert.Equal(text, Scalar("SELECT ?", text));
    }

    [Fact]
    public void Strings_longer_than_twelve_bytes_read_from_a_table_with_many_rows()
    {
        connection.Execute("CREATE OR REPLACE TABLE strings AS SELECT i, repeat('é', (i % 20)::INTEGER) || i::VARCHAR AS s FROM range(5000) t(i)");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i, s FROM strings ORDER BY i";
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            Assert.Equal(new string('é', (int)(i % 20)) + i.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
            n++;
        }
        Assert.Equal(5000, n);
    }

    [Fact]
    public void Dates_times_and_timestamps_round_trip()
    {
        Assert.Equal(new DateTime(2026, 10, 3), Scalar("SELECT DATE '2026-10-03'"));
        Assert.Equal(new DateTime(1969, 12, 31), Scalar("SELECT DATE '1969-12-31'"));
        Assert.Equal(new DateTime(2026, 10, 3, 14, 5, 6, 789).AddTicks(1230), Scalar("SELECT TIMESTAMP '2026-10-03 14:05:06.789123'"));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), Scalar("SET TimeZone='Europe/London'; SELECT TIMESTAMPTZ '2026-03-29 01:30:00+00'"));
        Assert.Equal(new TimeSpan(0, 14, 5, 6, 500), Scalar("SELECT TIME '14:05:06.5'"));
        Assert.Equal(new DateTime(2026, 10, 3, 14, 5, 6), Scalar("SELECT TIMESTAMP_S '2026-10-03 14:05:06'"));
        Assert.Equal(new DateTime(2026, 10, 3, 14, 5, 6, 7), Scalar("SELECT TIMESTAMP_MS '2026-10-03 14:05:06.007'"));
        Assert.Equal(new DateTime(2026, 10, 3, 14, 5, 6).AddTicks(1), Scalar("SELECT TIMESTAMP_NS '2026-10-03 14:05:06.0000001'"));

        Assert.Equal(new DateTime(2026, 10, 3), Scalar("SELECT $1::DATE", new DateOnly(2026, 10, 3)));
        Assert.Equal(new DateTime(2026, 10, 3, 14, 5, 0), Scalar("SELECT $1", new DateTime(2026, 10, 3, 14, 5, 0)));
        Assert.Equal(new DateTime(2020, 1, 1, 12, 0, 0, DateTimeKind.Utc),
            Scalar("SELECT $1::TIMESTAMPTZ", new DateTimeOffset(2020, 1, 1, 13, 0, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void Intervals_keep_months_days_and_microseconds_apart()
    {
        Assert.Equal(new DuckDbInterval(14, 3, 3_600_000_001), Scalar("SELECT INTERVAL '1 year 2 months 3 days 1 hour 1 microsecond'"));
        Assert.Equal(new DuckDbInterval(0, 2, 60_000_000), Scalar("SELECT $1::INTERVAL", new TimeSpan(2, 0, 1, 0)));
    }

    [Fact]
    public void Uuids_blobs_and_enums_round_trip()
    {
        var id = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(id, Scalar("SELECT '3f2504e0-4f89-11d3-9a0c-0305e82c3301'::UUID"));
        Assert.Equal(id, Scalar("SELECT $1::UUID", id));
        Assert.Equal(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff", System.Globalization.CultureInfo.InvariantCulture), Scalar("SELECT 'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID"));
        Assert.Equal(new byte[] { 0, 1, 255 }, Scalar("SELECT '\\x00\\x01\\xFF'::BLOB"));
        var big = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        Assert.Equal(big, Scalar("SELECT $1", big));

        connection.Execute("DROP TYPE IF EXISTS mood; CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        Assert.Equal("happy", Scalar("SELECT 'happy'::mood"));
    }

    [Fact]
    public void Lists_of_scalars_read_as_typed_arrays_and_bind_from_arrays()
    {
        Assert.Equal(new[] { 1, 2, 3 }, Scalar("SELECT [1, 2, 3]::INTEGER[]"));
        Assert.Equal(new[] { "a", null, "a much longer string é" }, Scalar("SELECT ['a', NULL, 'a much longer string é']"));
        Assert.Equal(Array.Empty<long>(), Scalar("SELECT []::BIGINT[]"));
        Assert.Equal(new[] { "x", "yz" }, Scalar("SELECT $1", (object)new[] { "x", "yz" }));
        Assert.Equal(3L, Scalar("SELECT len($1)", (object)new[] { 1, 2, 3 }));
    }

    [Fact]
    public void A_list_with_a_null_number_says_how_to_fix_it()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT [1, NULL]::INTEGER[]";
        using var reader = command.ExecuteReader();
        reader.Read();
        var error = Assert.Throws<InvalidCastException>(() => reader.GetValue(0));
        Assert.Contains("NULL element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_types_and_names_describe_the_result()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1::BIGINT AS id, 'x' AS name, DATE '2020-01-01' AS day, ['a'] AS tags, 1.5::DECIMAL(4,2) AS amount";
        using var reader = command.ExecuteReader();
        Assert.Equal(typeof(long), reader.GetFieldType(0));
        Assert.Equal(typeof(string), reader.GetFieldType(1));
        Assert.Equal(typeof(DateTime), reader.GetFieldType(2));
        Assert.Equal(typeof(string[]), reader.GetFieldType(3));
        Assert.Equal(typeof(decimal), reader.GetFieldType(4));
        Assert.Equal(2, reader.GetOrdinal("day"));
        Assert.Equal(2, reader.GetOrdinal("DAY"));
        Assert.True(reader.Read());
        Assert.Equal(new DateOnly(2020, 1, 1), reader.GetFieldValue<DateOnly>(2));
        Assert.Equal(1.5m, reader.GetDecimal(4));
        Assert.False(reader.Read());
    }
}
